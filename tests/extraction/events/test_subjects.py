"""A title's subject that names no one takes the name the article gave before (subjects.py)."""

from timeline.extraction.events.headlines import write_title
from timeline.extraction.events.subjects import name_subject


def test_a_description_takes_the_earlier_name_that_holds_its_noun():
    earlier = ["The Arctic Fisheries Commission sent two inspectors to the port.", "Rain closed the harbour."]
    assert name_subject("The commission says the catch was too large", earlier) == (
        "The Arctic Fisheries Commission says the catch was too large"
    )
    assert name_subject("The commission's board meets in Tromso", earlier) == (
        "The Arctic Fisheries Commission's board meets in Tromso"
    )


def test_a_sentence_opening_on_the_noun_is_no_name_for_it():
    earlier = ["Leaders of the Nordic Council gathered in Oslo."]
    assert name_subject("The leaders agree to widen the fishing ban", earlier) == (
        "The Nordic Council leaders agree to widen the fishing ban"
    )


def test_a_body_every_country_has_takes_the_country_as_owner():
    assert name_subject("The state radio issues a statement on the failure", [], "Ruritania") == (
        "Ruritania's state radio issues a statement on the failure"
    )
    assert name_subject("The country pledges a third attempt", [], "Ruritania") == "Ruritania pledges a third attempt"
    assert name_subject("The rebels declare a new era", [], "Elbonia") == "Elbonia's rebels declare a new era"


def test_a_description_nothing_settles_stays():
    assert name_subject("The state radio issues a statement", ["The Trade Department spoke."]) == (
        "The state radio issues a statement"
    )
    assert name_subject("The ship sinks in the strait", ["A storm hit the coast."], "Ruritania") == (
        "The ship sinks in the strait"
    )


def test_the_writer_names_the_subject_from_the_country_the_article_is_about():
    title = write_title("But the state radio quickly issued a statement on the failure.", country="Ruritania")
    assert title == "Ruritania's state radio quickly issues a statement on the failure"


def test_a_description_takes_the_name_an_earlier_aside_gave_it():
    earlier = ["The Vega Star, a Maltese-flagged cargo carrier hit by a drone last week, sank on Friday."]
    assert name_subject("The carrier was loaded with grain", earlier) == "The Vega Star was loaded with grain"
    assert name_subject("The ship had been drifting for days", earlier) == "The Vega Star had been drifting for days"
    assert name_subject("The plant was shut", earlier) == "The plant was shut"


def test_a_day_or_a_place_before_a_comma_is_no_name_described():
    assert name_subject("The agency's board meets in Basel", ["On Tuesday, the agency sent a report."]) == (
        "The agency's board meets in Basel"
    )


def test_a_court_a_tribunal_or_the_crossings_of_the_country_take_its_name():
    assert name_subject("The electoral tribunal halts the count", [], "Bolivia").startswith("Bolivia's electoral")
    assert name_subject("The four northern crossings close", [], "Norway") == "Norway's four northern crossings close"


def test_members_named_by_no_earlier_sentence_take_the_body_the_article_names_most():
    assert name_subject("The allies agree to raise spending", [], "Belgium", group="NATO") == (
        "NATO allies agree to raise spending"
    )
    assert name_subject("The allies agree to raise spending", [], "Belgium") == "The allies agree to raise spending"


def test_its_before_a_body_every_country_has_is_named_for_the_article_s_country():
    from timeline.extraction.events.headlines import write_title

    assert write_title("Its air force shot down a drone near the border.", country="Turkey") == (
        "Turkey's air force shoots down a drone near the border"
    )
    assert write_title("Its leaders met in Brussels.", country="Turkey").startswith("Its leaders")
