from timeline.extraction.wording import keywords, write_title


def test_it_writes_a_short_title_from_the_sentence():
    title = write_title("On Thursday, Iran fired two ballistic missiles toward the Red Sea, the Pentagon said.")
    assert title == "Iran fired two ballistic missiles toward the Red Sea"
    assert len(write_title("word " * 40).split()) <= 14


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


def test_it_stems_keywords_and_drops_stopwords():
    assert keywords("The missiles were launched") == frozenset({"missile", "launch"})
