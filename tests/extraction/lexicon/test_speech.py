from timeline.extraction.lexicon import speech


def test_it_keeps_every_narrower_set_inside_the_vocabulary():
    vocabulary = set(speech.REPORT_PAST) | set(speech.REPORT_PRESENT)
    for subset in (speech.ATTRIBUTION, speech.QUOTING, speech.DATED_SAYING, speech.TELLING):
        assert set(subset) <= vocabulary


def test_it_has_no_word_twice():
    assert len(set(speech.REPORT_PAST)) == len(speech.REPORT_PAST)
    assert len(set(speech.REPORT_PRESENT)) == len(speech.REPORT_PRESENT)
