from timeline.extraction.events.wording import keywords


def test_it_stems_keywords_and_drops_stopwords():
    assert keywords("The missiles were launched") == frozenset({"missile", "launch"})


def test_it_keeps_numbers_and_hyphenated_names_as_words():
    assert {"hwasong-18", "000"} <= keywords("A Hwasong-18 carried 000 kilograms")
