from datetime import date

from timeline.evaluation.events import Source, SystemEvent, format_report, normalise, score

GOLD = {
    "events": [
        {"key": "launch", "tier": "required", "date": "2024-03-12", "precision": "day",
         "mentions": {"a.txt": ["fired two missiles"], "b.txt": ["the launch on Tuesday"]}},
        {"key": "drill", "tier": "required", "date": "2024-03-01/2024-03-07", "precision": "week",
         "mentions": {"a.txt": ["held drills"]}},
        {"key": "aside", "tier": "optional", "mentions": {"a.txt": ["an aside"]}},
    ],
    "negatives": {"quotes": {"b.txt": ["Subscribe now"]}},
}  # fmt: skip


def ev(key, start, sources, precision="day", end=None):
    return SystemEvent(key, start, end or start, precision, tuple(Source(a, p) for a, p in sources))


def test_it_folds_quotes_and_whitespace():
    assert normalise("It’s  “here”\n") == 'it\'s "here"'


def test_it_scores_found_events_dates_links_splits_negatives_and_extras():
    events = [
        ev(
            "e1",
            date(2024, 3, 12),
            [("a.txt", "Iran fired two  missiles."), ("b.txt", "The launch on Tuesday was seen.")],
        ),
        ev("e2", date(2024, 3, 4), [("a.txt", "Troops held drills.")], precision="week", end=date(2024, 3, 10)),
        ev("e3", date(2024, 3, 12), [("b.txt", "Subscribe now for more.")]),
        ev("e4", None, [("a.txt", "An aside here.")]),
    ]
    report = score(GOLD, events)
    launch, drill, aside = report.gold
    assert launch.found and launch.date_ok and launch.mentions_linked == 2 and not launch.split
    assert drill.date_ok
    assert aside.found
    assert report.negative_events == [("e3", "Subscribe now")]
    assert report.unmatched == ["e3"]
    assert not report.targets_met
    text = format_report(report, len(events))
    assert "required events found with the right date: 2/2" in text
    assert "events built on a negative passage: 1" in text


def test_it_counts_a_gold_event_split_and_a_wrong_date():
    events = [
        ev("e1", date(2024, 3, 11), [("a.txt", "fired two missiles")]),
        ev("e2", date(2024, 3, 11), [("b.txt", "the launch on Tuesday")]),
    ]
    report = score(GOLD, events)
    launch = report.gold[0]
    assert launch.split and not launch.date_ok
    assert "wrong date: launch" in format_report(report, 2)
