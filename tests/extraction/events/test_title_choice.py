import re

import pytest

from tests.paths import DEMO
from timeline.extraction.events.title_choice import (
    TitleCandidate,
    best_title,
    distinctive_words,
    main_verb_phrase,
    title_score,
)
from timeline.ingest.service import file_ingest
from timeline.models import Event

MISSILE = "missile test"


def test_it_prefers_a_named_actor_to_a_pronoun_or_a_generic_subject() -> None:
    named = title_score("Ruritania fires a cruise missile over the strait", MISSILE)
    assert named > title_score("It fires a cruise missile over the strait", MISSILE)
    assert named > title_score("The missile was fired over the strait", MISSILE)
    assert named > title_score("Analysts note the missile flew over the strait", MISSILE)


def test_it_prefers_the_events_own_verb() -> None:
    own = title_score("Ruritania launches a cruise missile", MISSILE)
    assert own > title_score("Ruritania's leader watched the missile", MISSILE)
    meeting = title_score("Ruritania's president meets the Freedonian premier", "diplomatic meeting")
    assert meeting > title_score("Ruritania's president lands in the Freedonian capital", "diplomatic meeting")


def test_it_finds_the_main_verb_after_the_subject() -> None:
    assert main_verb_phrase("Jan Novak supervised the test".split()) == "supervised the"
    assert main_verb_phrase("Ruritania holds talks with Freedonia".split()) == "holds talks"
    assert main_verb_phrase("Ruritania and Freedonia".split()) == ""


def test_it_marks_down_a_background_clause() -> None:
    told = title_score("Ruritania fires a short-range missile", MISSILE)
    assert told > title_score("Ruritania's test came hours after a short-range missile was fired", MISSILE)
    assert told > title_score("Ruritania's launch was the fifth this year", MISSILE)


def test_it_rewards_the_distinctive_object() -> None:
    distinctive = distinctive_words(
        [TitleCandidate("x", "Ruritania tested the Falcon-7 on Monday."), TitleCandidate("y", "The Falcon-7 flew far.")]
    )
    assert "falcon-7" in distinctive
    plain = title_score("Ruritania fires a new missile", MISSILE, distinctive=distinctive)
    assert title_score("Ruritania fires a Falcon-7 missile", MISSILE, distinctive=distinctive) > plain


def test_it_prefers_a_compact_title() -> None:
    short = "Ruritania fires a cruise missile into the sea"
    long = short + " off its northern coast near the border town where the ferry docks every week"
    assert title_score(short, MISSILE) > title_score(long, MISSILE)


def test_it_picks_the_best_candidate_among_an_events_sources() -> None:
    candidates = [
        TitleCandidate("The missile was fired from near the capital", order=0),
        TitleCandidate("The test came hours after a drill", order=1),
        TitleCandidate("Ruritania test-fires a new solid-fuel missile", order=2),
    ]
    assert best_title(candidates, MISSILE) == "Ruritania test-fires a new solid-fuel missile"


def test_it_breaks_ties_by_support_then_by_who_reported_first() -> None:
    first = TitleCandidate("Ruritania fires a cruise missile", order=0)
    shared = TitleCandidate("Freedonia fires a cruise missile", order=1)
    again = TitleCandidate("Freedonia fires a cruise missile", order=2)
    assert best_title([first, shared, again], MISSILE) == "Freedonia fires a cruise missile"
    assert best_title([shared, first], MISSILE) == "Ruritania fires a cruise missile"
    assert best_title([], MISSILE) == ""


POOR_START = re.compile(r"^(?:he|she|it|they|this|that|the test|the missile|the launch|analysts)\b", re.IGNORECASE)


@pytest.mark.django_db
def test_it_heads_no_demo_event_with_a_pronoun_or_a_generic_subject_when_a_better_passage_exists() -> None:
    demo = DEMO
    for path in sorted(p for p in demo.iterdir() if p.suffix in (".json", ".jsonl", ".txt")):
        file_ingest(path=path, max_bytes=10_000_000)
    assert Event.objects.count() > 20
    poor = []
    for event in Event.objects.all():
        better = [m.title for m in event.mentions.all() if m.title and not POOR_START.match(m.title)]
        if POOR_START.match(event.title) and better:
            poor.append((event.title, better))
    assert not poor


def test_it_reads_a_participle_as_part_of_the_subject() -> None:
    assert main_verb_phrase("A soldier captured died of his wounds".split()) == "died of"
    assert main_verb_phrase("Soldiers captured by Freedonia and presented to reporters".split()) == "presented to"


def test_it_prefers_a_title_that_names_the_happening_to_one_pointing_back() -> None:
    statement = "statement"
    named = title_score("Elbonia condemns Ruritania's missile launch", statement)
    assert named > title_score("Elbonia condemns the launch", statement)
    candidates = [
        TitleCandidate("Elbonia condemns the launch", "Elbonia condemned the launch.", order=0),
        TitleCandidate("Elbonia condemns Ruritania's launch", "Elbonia condemned the launch on Monday.", order=1),
    ]
    assert best_title(candidates, statement) == "Elbonia condemns Ruritania's launch"
    alone = [TitleCandidate("Elbonia condemns the launch", "Elbonia condemned the launch of a Kestrel-2 rocket.")]
    assert best_title(alone, statement) == "Elbonia condemned the launch of a Kestrel-2 rocket"


def test_a_headline_that_passes_the_checks_heads_the_event_before_one_that_fails() -> None:
    pointing = TitleCandidate(title="Freedonia's navy tracked the launch and detects the rocket", order=0)
    unnamed = TitleCandidate(title="The state radio issues a statement on the rocket launch", order=1)
    plain = TitleCandidate(title="Ruritania's rocket launch fails", order=2)
    assert best_title([pointing, unnamed, plain], MISSILE) == "Ruritania's rocket launch fails"
    assert best_title([pointing, unnamed], MISSILE) in (pointing.title, unnamed.title)


def test_a_speakers_telling_of_the_happening_counts_its_told_verb():
    told = title_score("The coast guard says Ruritania fired a missile into the sea", "missile test")
    other = title_score("The coast guard says the weather was calm over the sea", "missile test")
    assert told >= other + 2
