from timeline.extraction.clean.characters import strip_control, text_fingerprint


def test_it_removes_nul_and_control_characters_and_keeps_newlines_and_tabs():
    assert strip_control("a\x00b\x07c\x1bd\x7fe\x9ff\tg\nh\r\n") == "abcdef\tg\nh\r\n"


def test_it_turns_form_feeds_and_other_breaks_into_newlines():
    assert strip_control("one\x0ctwo\x0bthree\u2028four\x85five") == "one\ntwo\nthree\nfour\nfive"


def test_it_cleans_the_whole_text_not_only_its_start():
    assert strip_control("x" * 100_000 + "\x00y") == "x" * 100_000 + "y"


def test_it_gives_one_fingerprint_whatever_the_spacing_and_unicode_form():
    assert text_fingerprint("Caf\u00e9 opens.\n\n") == text_fingerprint("  Cafe\u0301   opens.")
    assert text_fingerprint("A\x00B") == text_fingerprint("AB")
    assert text_fingerprint("Caf\u00e9 opens.") != text_fingerprint("Caf\u00e9 closes.")


def test_it_gives_another_publishers_copy_its_own_fingerprint():
    plain = text_fingerprint("Talks resumed.")
    assert text_fingerprint("Talks resumed.", publisher="Gazette") != plain
    assert text_fingerprint("Talks resumed.", publisher=" gazette ") == text_fingerprint(
        "Talks resumed.", publisher="Gazette"
    )
