from datetime import date

import pytest

from timeline.extraction.events.spans import clause_spans, happening_clauses


def parts(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in clause_spans(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The junta dissolved parliament on Monday; the ousted premier fled abroad on Tuesday.",
            ["The junta dissolved parliament on Monday", "the ousted premier fled abroad on Tuesday."],
        ),
        (
            "Parliament removed the president from office and police detained him at the airport.",
            ["Parliament removed the president from office", "police detained him at the airport."],
        ),
        (
            "The navy said it seized a second tanker, a day after commandos boarded a freighter off the coast.",
            ["The navy said it seized a second tanker", "a day after commandos boarded a freighter off the coast."],
        ),
        (
            "The envoy protested on Monday, and on Friday the treasury blacklisted the agency.",
            ["The envoy protested on Monday", "on Friday the treasury blacklisted the agency."],
        ),
    ],
)
def test_it_cuts_a_sentence_where_a_new_clause_tells_another_happening(sentence, expected):
    assert parts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 12 villagers and wounded 20 in the raid.",  # one subject, two verbs
        "On the sidelines of the summit, the two presidents and their ministers met for an hour.",
        "Since the crisis began, Lisbon and Madrid agreed to share the costs of the rescue.",  # two names, one subject
        "One person was killed by shrapnel and 15 more were wounded in the strike.",  # the toll of one strike
        "The rally began at noon and it ended peacefully before dark.",  # "it": the same happening going on
        'The minister said "we cut ties; they left" in a speech to parliament.',  # inside a quotation
        "The fighting resumed in late August after a truce collapsed.",  # no comma, no measure: one telling
    ],
)
def test_it_keeps_one_happening_in_one_piece(sentence):
    assert parts(sentence) == [sentence]


def test_every_part_lies_inside_the_sentence_in_order():
    sentence = (
        "Troops took the port on Sunday; rebels retook it on Monday, and aid convoys reached the city hours later."
    )
    spans = clause_spans(sentence)
    assert all(0 <= a < b <= len(sentence) for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


SAT, SUN = date(2024, 6, 8), date(2024, 6, 9)


def test_a_clause_with_a_day_of_its_own_is_told_apart():
    sentence = "Rebels stormed the palace on Saturday; the president fled the country on Sunday."
    times = [(sentence.index("Saturday"), SAT), (sentence.index("Sunday"), SUN)]
    first = happening_clauses(sentence, sentence.index("Saturday"), SAT, times)
    assert [sentence[a:b] for a, b in first] == [
        "Rebels stormed the palace on Saturday",
        "the president fled the country on Sunday.",
    ]
    second = happening_clauses(sentence, sentence.index("Sunday"), SUN, times)
    assert sentence[slice(*second[0])] == "the president fled the country on Sunday."


def test_clauses_of_one_day_stay_one_happening():
    sentence = "The army seized the airport and the president fled the capital on Sunday."
    times = [(sentence.index("Sunday"), SUN)]
    assert happening_clauses(sentence, sentence.index("Sunday"), SUN, times) == [(0, len(sentence))]
    told = "The ministry said on Sunday that it had begun an operation, and its guns shelled the town all that day."
    same_day = [(told.index("Sunday"), SUN), (told.index("all that day"), SUN)]
    assert happening_clauses(told, told.index("all that day"), SUN, same_day) == [(0, len(told))]


def test_an_after_clause_is_an_earlier_happening_told_apart():
    sentence = "Pakistan said on Wednesday it shot down two jets, a day after Indian warplanes struck a camp."
    wed = date(2019, 2, 27)
    (own, other) = happening_clauses(sentence, sentence.index("Wednesday"), wed, [(sentence.index("Wednesday"), wed)])
    assert sentence[slice(*own)] == "Pakistan said on Wednesday it shot down two jets"
    assert sentence[slice(*other)] == "a day after Indian warplanes struck a camp."
