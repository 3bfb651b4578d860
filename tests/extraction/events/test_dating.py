from datetime import date

from tests.timex_helpers import timex
from timeline.extraction.events.dating import is_background, lede, pick_date
from timeline.extraction.segment import segment


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


def test_it_dates_a_reported_happening_by_its_own_date_not_the_telling():
    text = "Iran said on Thursday that it had fired a ballistic missile the previous morning."
    p = segment(text)[0]
    tx = [timex(text, "Thursday", date(2024, 5, 9)), timex(text, "the previous morning", date(2024, 5, 8))]
    assert pick_date(p, text, tx, date(2024, 5, 10)).start == date(2024, 5, 8)
    assert pick_date(p, text, tx, date(2024, 5, 10), statement=True).start == date(2024, 5, 9)


def test_it_takes_the_day_that_names_the_happening_of_the_sentence_kind():
    text = "Ana Souza became president yesterday after her party won Sunday's runoff election."
    p = segment(text)[0]
    tx = [timex(text, "yesterday", date(2024, 5, 6)), timex(text, "Sunday", date(2024, 5, 5))]
    assert pick_date(p, text, tx, date(2024, 5, 7)).start == date(2024, 5, 6)
    nouns = frozenset({"election", "runoff"})
    assert pick_date(p, text, tx, date(2024, 5, 7), nouns=nouns).start == date(2024, 5, 5)


def test_it_leaves_the_time_of_an_aside_to_the_aside():
    text = "The Ostrava, a freighter struck by a missile two weeks ago, sank off the coast on Saturday, officials said."
    p = segment(text)[0]
    tx = [timex(text, "two weeks ago", date(2024, 2, 18)), timex(text, "Saturday", date(2024, 3, 2))]
    assert pick_date(p, text, tx, date(2024, 3, 3)).text == "Saturday"


def test_it_lets_a_possessive_day_of_another_happening_give_way():
    text = "The council declared Lopez the winner of Sunday's presidential vote early on Monday."
    p = segment(text)[0]
    tx = [timex(text, "Sunday", date(2024, 7, 28)), timex(text, "Monday", date(2024, 7, 29))]
    assert pick_date(p, text, tx, date(2024, 7, 30)).text == "Monday"


def test_it_takes_the_day_of_a_report_for_the_day_of_its_telling():
    text = "In a confidential report to member states on Tuesday, the agency said inspectors had found traces."
    p = segment(text)[0]
    info = pick_date(p, text, [timex(text, "Tuesday", date(2023, 2, 28))], date(2023, 3, 5))
    assert info.telling


def test_a_day_opening_a_sentence_whose_main_clause_is_a_telling_dates_the_telling():
    text = "On Tuesday, the premier told the assembly that the border would stay open."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "Tuesday", date(2023, 2, 28))], date(2023, 3, 2)).telling
    text = "On Tuesday, rebels seized the airport, the navy said."
    p = segment(text)[0]
    assert not pick_date(p, text, [timex(text, "Tuesday", date(2023, 2, 28))], date(2023, 3, 2)).telling


def test_the_lede_is_the_first_sentences_long_enough_to_report_something():
    texts = ["Skip to content", "Live updates", "Iran fired drones and missiles at Israel late on Saturday night."]
    texts += [
        "The attack was the first from Iranian soil.",
        "Sirens sounded across the north of the country.",
        "x y z a b c d",
    ]
    assert lede(texts) == {2, 3, 4}


def test_a_dateline_opens_the_lede():
    texts = [
        "Photo caption: a launch seen from the border town in the early morning light.",
        "SEOUL, Oct 31 (Reuters) - North Korea fired an intercontinental ballistic missile on Thursday.",
        "It flew for 86 minutes.  Japan said the missile landed in its waters.",
    ]
    assert min(lede(texts)) == 1


def test_it_knows_which_quotation_an_expression_stands_in():
    from timeline.extraction.events.dating import _in_quotes

    text = 'He said "we met on Monday" and later "on Friday we leave", but on Sunday he left.'
    (passage,) = segment(text)
    at = {w: timex(text, w, date(2024, 3, 4)) for w in ("Monday", "Friday", "Sunday")}
    assert _in_quotes(passage, at["Monday"]) and _in_quotes(passage, at["Friday"])
    assert not _in_quotes(passage, at["Sunday"])


def test_late_in_a_month_is_its_last_third_told_as_finely_as_a_week():
    text = "The offensive began in late March."
    p = segment(text)[0]
    tx = [timex(text, "late March", date(2024, 3, 1), "month", date(2024, 3, 31))]
    info = pick_date(p, text, tx, date(2024, 5, 2))
    assert (info.start, info.end, info.precision) == (date(2024, 3, 21), date(2024, 3, 31), "week")


def test_the_time_of_the_happening_a_sentence_is_measured_from_is_not_its_own():
    text = "Hours after the mayor was declared the winner of last weekend's vote, the council annulled the result."
    p = segment(text)[0]
    tx = [timex(text, "last weekend", date(2024, 6, 1), "week", date(2024, 6, 2))]
    assert pick_date(p, text, tx, date(2024, 6, 4)) is None
    text = "The strike came two days after the militia shelled the port on Friday."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "Friday", date(2024, 6, 7))], date(2024, 6, 10)).text == "Friday"


def test_the_time_of_a_concession_or_of_a_leading_phrases_relative_clause_is_that_clauses_own():
    text = "The ministry denied the report, although it admitted on Monday that shells had landed nearby."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "Monday", date(2024, 6, 3))], date(2024, 6, 5)) is None
    text = "For the envoy, who first raised the matter in May, the vote settles a long dispute."
    p = segment(text)[0]
    tx = [timex(text, "May", date(2024, 5, 1), "month", date(2024, 5, 31))]
    assert pick_date(p, text, tx, date(2024, 6, 5)) is None


def test_an_anchor_or_concession_counts_only_in_the_clause_of_the_expression():
    # "days after" in an earlier clause does not take the time of a later clause
    text = "The talks resumed three days after the ceasefire, and the envoys signed the accord on Friday."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "Friday", date(2024, 6, 7))], date(2024, 6, 10)).text == "Friday"
    # a leading phrase with a relative clause counts only when its comma is the sentence's only separator
    text = "For the envoy, who arrived, the talks ended on Friday."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "Friday", date(2024, 6, 7))], date(2024, 6, 10)).text == "Friday"
    text = "The vote passed on Friday; although the mayor objected on Monday, nothing changed."
    p = segment(text)[0]
    tx = [timex(text, "Friday", date(2024, 6, 7)), timex(text, "Monday", date(2024, 6, 3))]
    assert pick_date(p, text, tx, date(2024, 6, 10)).text == "Friday"


def test_a_month_or_a_year_over_before_the_reports_last_month_is_background():
    nov = date(2024, 11, 20)
    assert is_background(date(2024, 3, 1), date(2024, 3, 31), "month", nov)
    assert is_background(date(2019, 1, 1), date(2019, 12, 31), "year", nov)
    assert not is_background(date(2024, 10, 1), date(2024, 10, 31), "month", nov)  # last month is news
    assert not is_background(date(2024, 3, 4), date(2024, 3, 4), "day", nov)  # a day is a happening's own
    assert not is_background(date(2024, 3, 1), date(2024, 3, 31), "month", None)  # the report's date unknown


def test_a_trailing_clause_looking_back_in_the_past_perfect_does_not_date_the_sentence():
    text = "The envoy rejected the plan, ignoring the objections the two ministers had raised on Monday."
    (p,) = segment(text)
    assert pick_date(p, text, [timex(text, "Monday", date(2024, 5, 6))], date(2024, 5, 8)) is None


def test_the_time_of_a_since_clause_on_the_doers_own_past_does_not_date_the_sentence():
    text = "The ministers met in Oslo, in her first trip abroad since she took office in March."
    p = segment(text)[0]
    tx = [timex(text, "March", date(2024, 3, 1), "month", date(2024, 3, 31))]
    assert pick_date(p, text, tx, date(2024, 6, 5)) is None
    # a happening of its own after "since" keeps its time
    text = "The ship has drifted since the attack on May 2, when its crew left."
    p = segment(text)[0]
    assert pick_date(p, text, [timex(text, "May 2", date(2024, 5, 2))], date(2024, 6, 5)).text == "May 2"


def test_a_leading_clause_gives_way_to_the_main_clauses_own_time():
    text = "When Peru recalled its envoy on Monday, Chile did the same on Wednesday."
    p = segment(text)[0]
    tx = [timex(text, "Monday", date(2024, 6, 3)), timex(text, "Wednesday", date(2024, 6, 5))]
    assert pick_date(p, text, tx, date(2024, 6, 7)).text == "Wednesday"
    # the main clause's own time, even one that cannot date it, keeps the leading clause's time out
    text = "When Peru recalled its envoy in May 2022, Chile did the same the following month."
    p = segment(text)[0]
    tx = [
        timex(text, "May 2022", date(2022, 5, 1), "month", date(2022, 5, 31)),
        timex(text, "the following month", date(2023, 7, 1), "month", date(2023, 7, 31)),
    ]
    assert pick_date(p, text, tx, date(2023, 6, 20)) is None


def test_a_statement_is_not_dated_by_the_time_of_what_it_tells_had_happened():
    text = "The senator wrote on Twitter that she had met the envoy the previous night."
    p = segment(text)[0]
    tx = [timex(text, "the previous night", date(2024, 6, 4))]
    assert pick_date(p, text, tx, date(2024, 6, 5), statement=True) is None
    assert pick_date(p, text, tx, date(2024, 6, 5)).text == "the previous night"


def test_a_happening_told_in_a_statement_takes_its_own_day_not_the_statements():
    text = "The agency said in a statement Thursday that the rocket lifted off on Tuesday night."
    (p,) = segment(text)
    tx = [timex(text, "Thursday", date(2024, 5, 2)), timex(text, "Tuesday", date(2024, 5, 7))]
    assert pick_date(p, text, tx, date(2024, 5, 8)).start == date(2024, 5, 7)
