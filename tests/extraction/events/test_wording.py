from timeline.extraction.events.wording import keywords


def test_it_stems_keywords_and_drops_stopwords():
    assert keywords("The missiles were launched") == frozenset({"missil", "launch"})


def test_it_keeps_numbers_and_hyphenated_names_as_words():
    assert {"hwasong-18", "000"} <= keywords("A Hwasong-18 carried 000 kilograms")


def test_a_count_is_one_word_whether_spelled_or_in_figures():
    assert "10" in keywords("It crashed and killed all ten people on board")
    assert "10" in keywords("A jet with 10 people on board crashed")
    assert "7" in keywords("Seven rockets were fired")


def test_a_short_figure_that_dates_or_times_a_happening_or_gives_an_age_is_no_count():
    words = keywords("On 8 December at 6 a.m. Bongo, 64, won the vote on May 31")
    assert not {"8", "6", "64", "31"} & words


def test_the_forms_of_one_verb_are_one_word():
    from timeline.extraction.events.wording import keywords

    forms = ["Putin accuses Wagner", "Putin accused Wagner", "Putin accusing Wagner", "Putin will accuse Wagner"]
    assert len({kw for f in forms for kw in keywords(f) if kw.startswith("accus")}) == 1
