from timeline.extraction.segment import segment, split_sentences


def test_it_splits_sentences_with_offsets_into_the_text():
    text = "Ministers met on Monday. They agreed a plan!\n\nA second paragraph follows? Yes."
    passages = segment(text)
    assert [p.text for p in passages] == [
        "Ministers met on Monday.",
        "They agreed a plan!",
        "A second paragraph follows?",
        "Yes.",
    ]
    assert all(text[p.start : p.end] == p.text for p in passages)
    assert [p.paragraph for p in passages] == [0, 0, 1, 1]
    assert [p.index for p in passages] == [0, 1, 2, 3]


def test_it_does_not_split_after_titles_and_abbreviations():
    text = "Mr. Smith met Gen. Jones in the U.S. capital on Friday. Then he left."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith met Gen. Jones in the U.S. capital on Friday.", "Then he left."]


def test_it_keeps_closing_quotes_with_the_sentence():
    text = 'He said: "We will respond." The ministry agreed.'
    assert [text[s:e] for s, e in split_sentences(text)] == ['He said: "We will respond."', "The ministry agreed."]


def test_it_returns_nothing_for_blank_text():
    assert segment("  \n\n ") == []
