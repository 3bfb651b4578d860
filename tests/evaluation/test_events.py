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


def test_it_counts_clean_false_alarm_wrong_merge_misdated_and_negative_events():
    events = [
        ev("clean", date(2024, 3, 12), [("a.txt", "fired two missiles"), ("b.txt", "the launch on Tuesday")]),
        ev("alarm", date(2024, 3, 12), [("a.txt", "Nothing gold here.")]),
        ev("merge", date(2024, 3, 12), [("a.txt", "fired two missiles"), ("a.txt", "held drills")]),
        ev("late", date(2024, 3, 13), [("b.txt", "the launch on Tuesday")]),
        ev("noisy", date(2024, 3, 12), [("a.txt", "fired two missiles"), ("b.txt", "Subscribe now")]),
    ]
    report = score(GOLD, events)
    verdict = {e.event.key: e for e in report.events}
    assert [e.event.key for e in report.clean] == ["clean"]
    assert verdict["alarm"].false_alarm and verdict["merge"].wrong_merge
    assert verdict["late"].misdated and verdict["noisy"].negatives == ["Subscribe now"]
    text = format_report(report, len(events))
    assert "clean events (one gold event, right date, no negative source): 1/5 (20%)" in text
    assert "false alarms: 1" in text and "wrong merges: 1" in text and "misdated: 1" in text
    assert "required events split: 1" in text
    assert "required found with the right date: 1/2 (50%)" in text
    assert "  merge |  | wrong merge of launch, drill | a.txt" in text
    assert "  late |  | misdated: 2024-03-13 day, gold 2024-03-12 | b.txt" in text


def test_it_takes_a_sentence_holding_background_quotes_as_its_shared_happening():
    # One sentence names the launch and, as background, an aside: that alone is no wrong merge.
    gold = {"events": GOLD["events"][:1] + [{"key": "aside", "tier": "optional", "mentions": {"a.txt": ["after"]}}]}
    events = [
        ev("e", date(2024, 3, 12), [("a.txt", "It fired two missiles after talks"), ("b.txt", "the launch on Tuesday")])
    ]
    (verdict,) = score(gold, events).events
    assert verdict.gold == ["launch"] and verdict.clean


def test_it_matches_a_quote_only_in_its_own_article():
    events = [ev("e", date(2024, 3, 12), [("b.txt", "It fired two missiles.")])]
    report = score(GOLD, events)
    assert not report.gold[0].found and report.events[0].false_alarm


def test_it_tells_a_split_apart_from_a_happening_named_only_beside_another_events_own():
    # The drill week is reported by its own event, and named again, as background, in a sentence of the
    # launch's event: still counted split, and shown as split only through that sentence.
    events = [
        ev(
            "launch",
            date(2024, 3, 12),
            [("a.txt", "It fired two missiles a week after it held drills"), ("b.txt", "the launch on Tuesday")],
        ),
        ev("drill", date(2024, 3, 4), [("a.txt", "Troops held drills.")], precision="week", end=date(2024, 3, 10)),
    ]
    report = score(GOLD, events)
    drill = report.gold[1]
    assert drill.split and drill.beside == ["launch"] and not drill.split_apart_from_background
    text = format_report(report, len(events))
    assert "required events split: 1 (0 apart from passages that name them only beside" in text
    assert "  drill: launch, drill (named only beside their own happening: launch)" in text


def test_a_happening_told_by_two_events_of_its_own_is_split_apart_from_background_too():
    events = [
        ev("e1", date(2024, 3, 12), [("a.txt", "fired two missiles")]),
        ev("e2", date(2024, 3, 12), [("b.txt", "the launch on Tuesday")]),
    ]
    launch = score(GOLD, events).gold[0]
    assert launch.split_apart_from_background and launch.beside == []
