import pytest

from timeline.extraction.clean.furniture import furniture_reason, strip_dateline


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Share on Facebook", "share buttons"),
        ("Share on Facebook / Twitter / WhatsApp", "share buttons"),
        ("Copy link", "share buttons"),
        ("Tweet | Email | Print", "share buttons"),
        ("We use cookies to improve your experience. Accept all", "cookie notice"),
        ("This site uses cookies. By continuing you accept our cookie policy.", "cookie notice"),
        ("Updated 3 hours ago", "header: timestamp"),
        ("Published: 25 minutes ago", "header: timestamp"),
        ("6 min read", "header: timestamp"),
        ("Comments (14)", "comment counter"),
        ("By Ann Lee · 4 min read · 9 comments", "header: byline"),
        ("Click here to read our coverage of the talks", "call to action"),
        ("Don't miss out: get our morning briefing in your inbox", "call to action"),
        ("Listen to our weekly podcast on Spotify", "call to action"),
        ("This article was originally published by The Northern Mail.", "republication note"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "wire credits"),
    ],
)
def test_it_recognises_scraper_furniture_by_its_shape(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Officials said the cookies factory in the port city was hit by shelling on Monday.",
        "The minister will share details of the plan with parliament on Friday.",
        "Three hours ago, the convoy crossed the border at Rafah.",
        "Click farms were used to spread the claims, investigators said.",
        "The treaty was originally published in 1951 and amended twice since.",
    ],
)
def test_it_keeps_article_sentences_that_use_the_same_words(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize(
    "line, dateline",
    [
        ("ADEN, March 3 (Reuters) - The ship sank.", "ADEN, March 3 (Reuters) -"),
        ("KHARTOUM (AP) — Fighting resumed.", "KHARTOUM (AP) —"),
        ("PRISTINA, Sept. 25 - Police said four men died.", "PRISTINA, Sept. 25 -"),
        ("GAZA CITY, Gaza Strip -- Crowds gathered.", "GAZA CITY, Gaza Strip --"),
        ("NEW DELHI, 4 June (AFP) - Counting began.", "NEW DELHI, 4 June (AFP) -"),
        ("BRUSSELS/KYIV - Ministers met again.", "BRUSSELS/KYIV -"),
    ],
)
def test_it_strips_an_agency_dateline(line, dateline):
    rest, found = strip_dateline(line)
    assert found == dateline
    assert line.endswith(rest) and rest[0].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "US - China talks resumed on Monday in Geneva.",
        "The talks resumed on Monday - officials said.",
        "NATO said on Monday that it would send more jets.",
    ],
)
def test_it_leaves_a_sentence_without_a_dateline_alone(line):
    assert strip_dateline(line) == (line, "")


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Story continues below advertisement", "advertisement"),
        ("Advertisement - Scroll to continue", "advertisement"),
        ("Image source, Getty Images", "photo caption"),
        ("Media caption, Crowds gathered outside parliament", "photo caption"),
        ("AFP via Getty Images", "photo caption"),
        ("Follow us on Telegram", "follow prompt"),
        ("Copyright 2024 The Northern Mail", "copyright line"),
    ],
)
def test_it_recognises_ad_slots_credits_and_follow_prompts(line, reason):
    assert furniture_reason(line) == reason


def test_it_strips_an_agency_alone_in_brackets():
    assert strip_dateline("(CNN) — Talks resumed in Doha.") == ("Talks resumed in Doha.", "(CNN) —")
    assert strip_dateline("(Reuters) said nothing.") == ("(Reuters) said nothing.", "")


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press contributed to this report.",
        "Staff writer Ann Lee contributed reporting.",
        "This is a developing story and will be updated.",
        "Our Standards: The Trust Principles.",
        "Reuse this content",
    ],
)
def test_it_recognises_notes_about_the_report_itself(line):
    assert furniture_reason(line) == "note on the report"


def test_it_keeps_a_sentence_about_contributions_to_a_fund():
    assert furniture_reason("Germany contributed 2 billion euros to the reconstruction fund on Monday.") is None


@pytest.mark.parametrize(
    "line",
    [
        "This article is more than 2 years old",
        "Source: News agencies",
        "Save articles to read later and create your own reading list.",
        "list 2 of 4",
    ],
)
def test_it_recognises_age_notices_source_lines_and_reading_list_widgets(line):
    assert furniture_reason(line) is not None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("___", "separator"),
        ("* * *", "separator"),
        ("— Ana Ruiz (@AnaRuiz) November 26, 2024", "embedded post"),
        ("pic.twitter.com/AbCdEf123", "embedded post"),
        ("https://example.org/live", "link"),
        ("Follow our coverage of the war at https://example.org/hub/war", "link"),
        ("Associated Press writer Ann Lee in Tel Aviv, Israel, contributed to this report.", "note on the report"),
    ],
)
def test_it_recognises_separators_embedded_posts_and_link_prompts(line, reason):
    assert furniture_reason(line) == reason


def test_it_keeps_a_sentence_that_cites_a_web_address():
    line = "The ministry published the full text of the agreement at www.example.gov.fr on Monday evening."
    assert furniture_reason(line) is None
