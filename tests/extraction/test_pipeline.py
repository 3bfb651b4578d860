from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.events.dating import DateBasis
from timeline.extraction.pipeline import extract_article, extract_cleaned

ARTICLE = """Freedonia Daily|Iran fires missiles toward the Red Sea
14 March 2024, 09:30

Iran fired two ballistic missiles toward the Red Sea on Tuesday, the Pentagon said.
The missiles flew about 300 km before falling into the sea.
Listen to this article
On Wednesday, Israel warned Iran that it would answer any further launch.
Comments"""


def test_it_runs_the_whole_pipeline_on_a_scraped_article():
    ex = extract_article(ARTICLE)
    assert ex.title == "Iran fires missiles toward the Red Sea"
    assert ex.publisher == "Freedonia Daily"
    assert ex.published == date(2024, 3, 14) and ex.published_source == "header"
    assert "Listen to this article" not in ex.text
    assert all(ex.text[p.start : p.end] == p.text for p in ex.passages)
    kinds = {e.event_type: e for e in ex.events}
    launch = kinds["missile test"]
    assert launch.date.start == date(2024, 3, 12) and launch.date_basis == "text"
    assert len(launch.mentions) == 2  # the undated sentence about the flight joins the dated launch
    warning = kinds["statement"]
    assert warning.date.start == date(2024, 3, 13)
    assert "Israel" in warning.actors


def test_it_lets_a_given_date_win_over_the_header():
    ex = extract_article(ARTICLE, published=date(2024, 3, 21))
    assert ex.published_source == "given"
    launch = next(e for e in ex.events if e.event_type == "missile test")
    assert launch.date.start == date(2024, 3, 19)


def test_it_dates_an_undated_report_by_the_publication_day():
    ex = extract_cleaned(
        "Poland has sent 2,000 troops to its eastern border, the ministry said.", published=date(2024, 2, 2)
    )
    (event,) = ex.events
    assert event.date.start == date(2024, 2, 2) and event.date_basis == "publication"


def test_it_leaves_an_undated_article_undated():
    ex = extract_cleaned("Poland has sent 2,000 troops to its eastern border, the ministry said.")
    assert ex.published is None and ex.events[0].date is None
    assert ex.title.startswith("Poland has sent")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_it_never_crashes_and_keeps_offsets_inside_the_text(text):
    ex = extract_article(text, published=date(2024, 1, 10))
    for p in ex.passages:
        assert 0 <= p.start <= p.end <= len(ex.text)
        assert ex.text[p.start : p.end] == p.text
    for m in ex.mentions:
        assert 0 <= m.passage < len(ex.passages)


def test_it_dates_an_undated_development_by_the_same_development_dated_elsewhere_in_the_article():
    text = (
        "NATO confirmed on Monday that Iranian drone units had been sent to the Syrian border region near Deir ez-Zor.\n\n"
        "The weather was mild.\n\n"
        "The Pentagon confirmed that Iranian drone units had been sent to the Syrian border region, officials added."
    )
    ex = extract_cleaned(text, published=date(2024, 5, 9))
    dated = {e.date_basis: e for e in ex.events}
    assert dated["text"].date.start == date(2024, 5, 6)
    assert dated["context"].date.start == date(2024, 5, 6)


def test_it_keeps_a_happening_with_a_day_of_its_own_even_when_no_actor_is_known():
    text = "Soldiers detained the president of Freedonia inside his residence on Wednesday."
    ex = extract_article(text, published=date(2024, 5, 9))
    assert [(e.event_type, e.date.start) for e in ex.events] == [("other", date(2024, 5, 8))]
    undated = extract_article("Soldiers detained the president of Freedonia.", published=date(2024, 5, 9))
    assert undated.events == []


def test_it_keeps_a_dated_claim_by_a_speaker_no_gazetteer_knows():
    text = "Opposition disputes the count\n\nMaria Lopez said on Monday that tally sheets showed her candidate had won."
    ex = extract_article(text, published=date(2024, 7, 30))
    (event,) = ex.events
    assert event.event_type == "statement" and event.speakers == ("Maria Lopez",)
    assert event.date.start == date(2024, 7, 29)


DEEP = (
    "Azerbaijani troops attacked Armenian border posts on Monday, the defence ministry said.\n\n"
    "The crossing followed weeks of tension along the river.\n\n"
    "Officials in the capital gave no figures for the size of the force.\n\n"
    "Armenia's foreign ministry condemned the attack in a statement.\n\n"
    "Azerbaijan has previously warned Armenia of retaliation for border raids.\n\n"
)


def test_it_says_why_each_event_has_its_date():
    ex = extract_cleaned(DEEP, published=date(2024, 5, 8))
    bases = {e.date_basis for e in ex.events}
    assert DateBasis.CLAUSE in bases
    crossing = next(e for e in ex.events if e.date_basis == DateBasis.CLAUSE)
    assert crossing.date.start == date(2024, 5, 6)
    assert crossing.mention_bases == (DateBasis.CLAUSE,) * len(crossing.mentions)


def test_it_dates_an_undated_happening_in_the_lede_by_the_report():
    ex = extract_cleaned(
        "Poland sent 2,000 troops to its eastern border, the ministry said.\n\nThe weather was mild.",
        published=date(2024, 2, 2),
    )
    (event,) = ex.events
    assert event.date_basis == DateBasis.LEDE and event.date.start == date(2024, 2, 2)


def test_it_gives_no_date_to_an_undated_sentence_deep_in_a_report_told_as_background():
    ex = extract_cleaned(DEEP, published=date(2024, 5, 8))
    warned = [
        e for e in ex.events if any("previously warned" in ex.passages[ex.mentions[i].passage].text for i in e.mentions)
    ]
    assert all(e.date is None and e.date_basis == DateBasis.NONE for e in warned)


def test_it_dates_a_happening_told_deep_in_the_simple_past_by_the_report():
    ex = extract_cleaned(DEEP, published=date(2024, 5, 8))
    condemned = [e for e in ex.events if any("condemned" in ex.mentions[i].summary for i in e.mentions)]
    assert condemned and all(e.date_basis == DateBasis.REPORT and e.date.start == date(2024, 5, 8) for e in condemned)


def test_a_report_of_the_next_morning_dates_its_undated_news_by_the_day_its_lede_gives():
    # Friday, 2024-02-02: the lede tells Thursday's happening, and so do the undated sentences after it
    text = (
        "Chile expelled two Bolivian diplomats on Thursday, the foreign ministry in Santiago said.\n\n"
        "Speaking beside the visiting leaders of Peru and Ecuador, President Ana Soto said the expulsions were "
        "a matter of national security.\n\n"
        "The weather in Santiago was mild.\n\n"
        "The weather in La Paz was cold.\n\n"
        "Later, Bolivian protesters burned a Chilean flag outside the embassy in La Paz."
    )
    ex = extract_cleaned(text, published=date(2024, 2, 2))
    undated = [e for e in ex.events if e.date_basis in (DateBasis.LEDE, DateBasis.REPORT)]
    assert undated and all(e.date.start == date(2024, 2, 1) for e in undated)


def test_a_report_that_opens_by_counting_the_days_since_its_story_does_not_date_its_undated_sentences():
    # Wednesday, 2024-02-14: a piece written more than a week after the border clash it looks back on
    text = (
        "Ten days after Chilean troops clashed with Bolivian border guards, the quarrel between Santiago and La Paz "
        "shows no sign of cooling.\n\n"
        "Chilean soldiers fired on a Bolivian patrol near the border crossing at Colchane.\n\n"
        "Bolivia recalled its ambassador from Santiago on Monday."
    )
    ex = extract_cleaned(text, published=date(2024, 2, 14))
    fired = [e for e in ex.events if any("fired" in ex.mentions[i].summary for i in e.mentions)]
    recalled = [e for e in ex.events if any("recalled" in ex.mentions[i].summary for i in e.mentions)]
    assert fired and all(e.date is None and e.date_basis == DateBasis.NONE for e in fired)
    assert [e.date.start for e in recalled] == [date(2024, 2, 12)]


def test_the_same_day_with_no_day_named_before_is_not_the_reports_day():
    ex = extract_cleaned(
        "Analysis\n\nThe facts are no longer disputed. Chilean soldiers fired on a Bolivian patrol near Colchane, "
        "and a Bolivian helicopter crashed near the border the same day.",
        published=date(2024, 2, 14),
    )
    assert ex.mentions and all(m.date is None for m in ex.mentions)


def test_a_lede_sentence_with_a_time_of_its_own_is_not_dated_by_the_report():
    ex = extract_cleaned(
        "Finland submitted an application to join NATO last year after Russia invaded Ukraine.\n\n"
        "The weather in Helsinki was mild.",
        published=date(2023, 4, 3),
    )
    assert all(e.date is None or e.date.start != date(2023, 4, 3) for e in ex.events)


def _dated_events(text: str, published: date) -> list[tuple[str, date | None]]:
    ex = extract_cleaned(text, published=published)
    return [(ex.mentions[e.mentions[0]].summary, e.date.start if e.date else None) for e in ex.events]


def test_a_happening_told_after_its_aftermath_takes_its_own_day():
    # Sunday, 2024-06-09: the storm of Saturday night, not the search of Sunday
    text = "Crews in Peru searched the ruins on Sunday after a strong storm struck the coast late on Saturday."
    assert [d for _, d in _dated_events(text, date(2024, 6, 9))] == [date(2024, 6, 8)]


def test_a_spokesperson_of_the_body_that_spoke_on_a_day_goes_on_with_that_telling():
    # Thursday, 2024-06-13: the ministry's vow and its spokeswoman's words of the same briefing are Wednesday's
    text = (
        "Peru will respond to the expulsion of its consul, the foreign ministry in Lima said on Wednesday.\n\n"
        'Foreign ministry spokeswoman Ana Ruiz said at a briefing that Peru would take "reciprocal measures".'
    )
    ex = extract_cleaned(text, published=date(2024, 6, 13))
    assert [m.date.start if m.date else None for m in ex.mentions] == [date(2024, 6, 12)] * 2


def test_a_meeting_that_lasted_a_day_is_not_told_at_another_time():
    text = (
        "OSLO - The ministers met for about half a day at the palace, in her first trip abroad since she took "
        "office in January.\n\nThe weather in the city was mild."
    )
    ex = extract_cleaned(text, published=date(2024, 6, 5))
    (event,) = ex.events
    assert event.date_basis == DateBasis.LEDE and event.date.start == date(2024, 6, 5)
