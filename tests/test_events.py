from dataclasses import dataclass
from datetime import date

from timeline.extraction.events import classify, detect
from timeline.extraction.gazetteer import default_gazetteer
from timeline.extraction.segment import segment


@dataclass(frozen=True)
class FakeTimex:
    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str = ""
    range_start: date | None = None
    range_end: date | None = None
    precision: str = "day"
    rule: str = "test"
    anchor: date | None = None
    anchor_kind: str = "dct"


def timex(text, phrase, day, precision="day", end=None):
    start = text.index(phrase)
    return FakeTimex(start, start + len(phrase), phrase, range_start=day, range_end=end or day, precision=precision)


def test_it_classifies_event_types():
    assert classify("Iran test-fired a ballistic missile over the gulf.", missile_context=False) == "missile test"
    assert classify("Poland sent 2,000 troops to its eastern border.", missile_context=False) == "troop deployment"
    assert classify("Macron met Scholz in Berlin for talks.", missile_context=False) == "diplomatic meeting"
    assert classify("China warned Taiwan against the visit.", missile_context=False) == "statement"
    assert classify("The EU imposed new sanctions on Belarus.", missile_context=False) == "sanctions"
    assert classify("Japan and India signed a defence agreement.", missile_context=False) == "agreement"
    assert classify("The weather was mild in Paris.", missile_context=False) is None


def test_it_reads_a_bare_launch_as_a_missile_test_only_in_a_missile_story():
    assert classify("The launch came as talks stalled.", missile_context=True) == "missile test"
    assert classify("The launch came as talks stalled.", missile_context=False) is None


def test_it_reads_a_verdict_on_a_launch_as_a_statement():
    sentence = 'A Japanese spokesman called the launch "a grave threat" to the region.'
    assert classify(sentence, missile_context=True) == "statement"


def test_it_detects_mentions_with_actors_and_skips_hypotheticals_and_headlines():
    text = (
        "Iran launches missiles\n\n"
        "Iran fired two ballistic missiles toward the Red Sea on Tuesday.\n\n"
        "Analysts said Iran could have fired more missiles if it wanted to.\n\n"
        "The weather in Tehran was warm."
    )
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Tuesday", date(2024, 5, 7))], date(2024, 5, 9), default_gazetteer())
    assert [m.passage for m in found] == [1]
    m = found[0]
    assert m.event_type == "missile test"
    assert m.actors == ("Iran",) and m.places == ("Red Sea",)
    assert m.date.start == date(2024, 5, 7)


def test_it_keeps_a_plain_quote_only_when_the_article_dates_it():
    text = '"We are watching closely," Blinken said.\n\n"We expect more soon," Blinken said on Friday.'
    passages = segment(text)
    found = detect(text, passages, [timex(text, "Friday", date(2024, 5, 3))], date(2024, 5, 4), default_gazetteer())
    assert [(m.passage, m.event_type, m.speaker) for m in found] == [(1, "statement", "Antony Blinken")]


def test_it_reads_no_statement_into_a_denied_or_missing_speech_act():
    assert classify("Officials did not immediately confirm the report about Iran.", missile_context=False) is None
    assert classify("Tehran has not yet announced its decision.", missile_context=False) is None
    assert classify("Tehran announced its decision on Monday.", missile_context=False) == "statement"
