from timeline.extraction.events.verbs import PRESENT, past, past_to_base, third_person


def test_it_forms_the_third_person_of_regular_verbs():
    assert [third_person(v) for v in ("launch", "ratify", "fire", "say", "test-fire")] == [
        "launches",
        "ratifies",
        "fires",
        "says",
        "test-fires",
    ]


def test_it_forms_the_past_and_reads_it_back_to_the_base():
    assert [past(v) for v in ("fire", "ratify", "expel", "sign", "veto")] == [
        "fired",
        "ratified",
        "expelled",
        "signed",
        "vetoed",
    ]
    table = past_to_base()
    assert table["test-fired"] == "test-fire" and table["began"] == "begin" and table["sworn"] == "swear"


def test_it_knows_the_present_forms_of_irregular_verbs():
    assert {"meets", "holds", "sends", "wins"} <= PRESENT


def test_a_verb_ending_in_a_consonant_and_o_takes_es():
    assert [third_person(v) for v in ("veto", "echo", "radio")] == ["vetoes", "echoes", "radios"]
