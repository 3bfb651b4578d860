from dataclasses import dataclass
from datetime import date

from timeline.extraction.events import classify, detect, keywords, pick_date, write_title
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


def test_it_dates_a_mention_by_the_expression_in_its_sentence():
    text = "Iran fired a ballistic missile on Tuesday, Israel said."
    p = segment(text)[0]
    info = pick_date(p, text, [timex(text, "Tuesday", date(2024, 5, 7))], date(2024, 5, 9))
    assert info.start == date(2024, 5, 7) and info.text == "Tuesday"


def test_it_ignores_future_dates_and_bracketed_time_zone_conversions():
    text = "Iran fired a missile at 6am (2200 GMT Monday) ahead of next week's vote."
    p = segment(text)[0]
    tx = [timex(text, "2200 GMT Monday", date(2024, 5, 6)), timex(text, "next week", date(2024, 5, 13), "week")]
    assert pick_date(p, text, tx, date(2024, 5, 7)) is None


def test_it_prefers_a_date_outside_quotes():
    text = 'Rutte said on Monday: "Today I can confirm the deployment."'
    p = segment(text)[0]
    tx = [timex(text, "Monday", date(2024, 10, 28)), timex(text, "Today", date(2024, 10, 31))]
    assert pick_date(p, text, tx, date(2024, 10, 31)).start == date(2024, 10, 28)


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


def test_it_writes_a_short_title_from_the_sentence():
    title = write_title("On Thursday, Iran fired two ballistic missiles toward the Red Sea, the Pentagon said.")
    assert title == "Iran fired two ballistic missiles toward the Red Sea"
    assert len(write_title("word " * 40).split()) <= 14


def test_it_stems_keywords_and_drops_stopwords():
    assert keywords("The missiles were launched") == frozenset({"missile", "launch"})


def test_it_dates_a_reported_happening_by_its_own_date_not_the_telling():
    text = "Iran said on Thursday that it had fired a ballistic missile the previous morning."
    p = segment(text)[0]
    tx = [timex(text, "Thursday", date(2024, 5, 9)), timex(text, "the previous morning", date(2024, 5, 8))]
    assert pick_date(p, text, tx, date(2024, 5, 10)).start == date(2024, 5, 8)
    assert pick_date(p, text, tx, date(2024, 5, 10), statement=True).start == date(2024, 5, 9)


def test_it_reads_no_statement_into_a_denied_or_missing_speech_act():
    assert classify("Officials did not immediately confirm the report about Iran.", missile_context=False) is None
    assert classify("Tehran has not yet announced its decision.", missile_context=False) is None
    assert classify("Tehran announced its decision on Monday.", missile_context=False) == "statement"


def test_it_keeps_titles_free_of_attribution_asides_cut_names_and_open_quotes():
    assert write_title("The ministry said that Iran fired two missiles toward the Red Sea.") == (
        "Iran fired two missiles toward the Red Sea"
    )
    assert write_title("The agency (IRNA) reported Iran tested a new missile near Tabriz.") == (
        "Iran tested a new missile near Tabriz"
    )
    title = write_title("Officials said the missile flew over the sea before Prime Minister Fumio Kishida spoke.")
    assert not title.endswith("Fumio")
    title = write_title('A spokesman called the launch "a grave and reckless violation of every rule we share" today.')
    assert title.count('"') % 2 == 0
