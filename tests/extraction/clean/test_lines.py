from datetime import date, datetime

import pytest

from timeline.extraction.clean.lines import clean_text, is_headline

BODY = (
    "The defence ministry of Freedonia said on Tuesday that its navy had intercepted two drones over the harbour.\n"
    "Officials in Freedonia gave no details of where the drones had come from."
)


def reasons(result):
    return {d.line: d.reason for d in result.dropped}


def test_it_keeps_plain_article_text():
    result = clean_text(BODY)
    assert result.text == BODY.replace("\n", "\n\n")
    assert result.dropped == []


@pytest.mark.parametrize(
    "line, reason",
    [
        ("open image in gallery Soldiers stand beside a lorry near the border", "gallery caption"),
        ("Listen to this article", "audio player"),
        ("Loading audio...", "audio player"),
        ("Read more: Ministers meet again over fishing rights", "read more link"),
        ("Jane Smith 10am - 1pm", "radio schedule"),
        ("Join our commenting forum", "comment prompt"),
        ("Comments", "comment prompt"),
        ("Sign up to our free daily newsletter", "subscription prompt"),
        (
            "Your donation keeps our reporters in the field. Please donate today to support us.",
            "donation or subscription appeal",
        ),
        ("In:", "tag list"),
        ("• Politics", "tag list"),
        ("© 2024 Example Media. All rights reserved.", "copyright line"),
    ],
)
def test_it_drops_site_furniture_with_its_reason(line, reason):
    result = clean_text(BODY + "\n" + line)
    assert line not in result.text
    assert reasons(result)[line] == reason


def test_it_drops_caption_residue():
    result = clean_text(BODY + "\nReutersA soldier stands guard at the gate[/caption]")
    assert "[/caption]" not in result.text
    assert "caption residue" in reasons(result).values()


def test_it_reads_a_title_and_a_date_line_from_the_header():
    raw = "Freedonia intercepts drones over harbour\n12 March 2024, 08:15\n" + BODY
    result = clean_text(raw)
    assert result.meta.title == "Freedonia intercepts drones over harbour"
    assert result.meta.published == date(2024, 3, 12)
    assert result.meta.published_at == datetime(2024, 3, 12, 8, 15)
    assert result.text.startswith("The defence ministry")


def test_it_reads_a_labelled_iso_date_followed_by_an_appeal():
    raw = " date 2024-06-02 Your support matters. Donate now to keep independent journalism free to read.\n\n" + BODY
    result = clean_text(raw)
    assert result.meta.published == date(2024, 6, 2)
    assert "Donate" not in result.text
    assert result.text.startswith("The defence ministry")


def test_it_reads_site_and_title_and_a_glued_metadata_line():
    raw = (
        "Harbour Gazette|Drones intercepted over harbour\n\n2024-07-09 10:20:30source:A Writercategory:News\n\n" + BODY
    )
    result = clean_text(raw)
    assert result.meta.publisher == "Harbour Gazette"
    assert result.meta.title == "Drones intercepted over harbour"
    assert result.meta.published_at == datetime(2024, 7, 9, 10, 20, 30)
    assert "source:" not in result.text


def test_it_removes_a_site_name_pasted_into_a_sentence():
    raw = (
        "Harbour Gazette|Drones intercepted\n\nThe Harbour Gazettelaunch of the inquiry on Friday surprised Freedonia."
    )
    result = clean_text(raw)
    assert "The launch of the inquiry on Friday surprised Freedonia." in result.text


def test_it_drops_a_teaser_list_after_a_more_marker():
    raw = (
        BODY
        + "\n\nMore:News\n\nRecommended\n\nLocal bakery wins a prize for its sourdough\n\n"
        + "The owners of a small bakery were surprised when the judges called their na\n\n"
        + "Concert tickets sell out within minutes\n\nFans queued overnight outside the arena before"
    )
    result = clean_text(raw)
    assert "bakery" not in result.text
    assert "Concert" not in result.text
    assert "teaser list" in reasons(result).values()
    assert "Officials in Freedonia" in result.text


def test_it_keeps_article_text_after_a_marker_when_it_is_about_the_same_actors():
    raw = (
        "Russia and Ukraine held talks in Geneva on Monday about grain shipments.\n\nMore\n\n"
        "Russia said the talks with Ukraine would resume next month.\n\n"
        "Ukraine said it expected Russia to keep the corridor open."
    )
    result = clean_text(raw)
    assert "resume next month" in result.text


def test_it_tells_headlines_from_sentences():
    assert is_headline("Freedonia intercepts drones over harbour")
    assert not is_headline("Freedonia intercepted drones over the harbour.")


def test_it_reads_a_publisher_line_under_the_title_and_a_byline():
    raw = "Drones intercepted over the harbour\nHarbour Gazette\nBy Jane Smith\n5 May 2024\n\n" + BODY
    result = clean_text(raw)
    assert result.meta.publisher == "Harbour Gazette"
    assert result.meta.published == date(2024, 5, 5)
    assert result.text.startswith("The defence ministry")


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Photo: The two ministers at the harbour (pool image)", "photo caption"),
        ("Caption: Soldiers walk past the gate.", "photo caption"),
        ("Soldiers walk past the gate in Freedonia (AP Photo/Jane Smith)", "photo caption"),
        ("Reporting by Jane Smith; Editing by John Doe", "wire credits"),
    ],
)
def test_it_drops_captions_and_wire_credits(line, reason):
    result = clean_text(BODY + "\n" + line)
    assert reasons(result)[line] == reason


@pytest.mark.parametrize(
    "line, day",
    [
        ("Mon 4 Mar 2024 12.30 GMT", date(2024, 3, 4)),
        ("Published: March 5, 2024 at 10:30 a.m. ET", date(2024, 3, 5)),
        ("Updated 2024-03-06T08:00:00Z", date(2024, 3, 6)),
        ("Thursday, 7 March 2024", date(2024, 3, 7)),
    ],
)
def test_it_reads_header_dates_in_their_usual_forms(line, day):
    result = clean_text("A headline about drones\n" + line + "\n" + BODY)
    assert result.meta.published == day
    assert result.text.startswith("The defence ministry")


def test_it_takes_a_short_name_above_the_headline_for_the_site():
    raw = "World Desk\nFreedonia intercepts drones over harbour\n12 March 2024\n" + BODY
    result = clean_text(raw)
    assert result.meta.publisher == "World Desk"
    assert result.meta.title == "Freedonia intercepts drones over harbour"


def test_it_reads_a_scraped_header_with_sections_bylines_and_an_update_line():
    raw = (
        "Harbour Gazette\nWorld | Middle East\nPolitics\nDrones intercepted over the harbour at night\n"
        "By Ann Lee and Tom Park, Reuters\nMarch 12, 2024 at 2:05 p.m. EDT\nUpdated March 12, 2024 at 6:40 p.m. EDT\n"
        "Share on Facebook\nFREEPORT, March 12 (Reuters) - " + BODY
    )
    result = clean_text(raw)
    assert result.text == BODY.replace("\n", "\n\n")
    assert result.meta.title == "Drones intercepted over the harbour at night"
    assert result.meta.publisher == "Harbour Gazette"
    assert result.meta.published == date(2024, 3, 12)
    assert result.meta.published_at == datetime(2024, 3, 12, 14, 5)
    why = reasons(result)
    assert why["World | Middle East"] == "header: section"
    assert why["Politics"] == "header: site or section name"
    assert why["By Ann Lee and Tom Park, Reuters"] == "header: byline"
    assert why["Updated March 12, 2024 at 6:40 p.m. EDT"] == "header: update time"
    assert why["FREEPORT, March 12 (Reuters) -"] == "dateline"


def test_it_strips_a_dateline_only_from_the_first_body_paragraph():
    raw = "Drones intercepted over the harbour\n\nOSLO (AP) — " + BODY + "\nBERGEN - the second line keeps its words."
    result = clean_text(raw)
    assert result.text.startswith("The defence ministry")
    assert result.text.endswith("BERGEN - the second line keeps its words.")


@pytest.mark.parametrize(
    "line, day, at",
    [
        ("Published On 12 Mar 2024", date(2024, 3, 12), None),
        ("Last updated: 12 March 2024", date(2024, 3, 12), None),
        ("Updated 2:05 PM EDT, Tue March 12, 2024", date(2024, 3, 12), datetime(2024, 3, 12, 14, 5)),
        ("14:05 12 March 2024", date(2024, 3, 12), datetime(2024, 3, 12, 14, 5)),
    ],
)
def test_it_reads_labelled_and_time_first_header_dates(line, day, at):
    result = clean_text("Drones intercepted over the harbour\n" + line + "\n" + BODY)
    assert (result.meta.published, result.meta.published_at) == (day, at)
    assert result.text == BODY.replace("\n", "\n\n")


@pytest.mark.parametrize(
    "crumbs", ["Home | World | Middle East", "News › Europe › Balkans", "World > US & Canada > Politics"]
)
def test_it_drops_a_breadcrumb_line_above_the_headline(crumbs):
    result = clean_text(f"{crumbs}\nDrones intercepted over the harbour\n{BODY}")
    assert reasons(result)[crumbs] == "header: section"
    assert result.meta.title == "Drones intercepted over the harbour"


def test_it_reads_a_last_modified_line_and_a_photograph_credit():
    raw = (
        "Drones intercepted over the harbour\nLast modified on Tue 12 Mar 2024 14.05 GMT\nPhotograph: Ann Lee/AFP\n"
        + BODY
    )
    result = clean_text(raw)
    assert result.meta.published == date(2024, 3, 12)
    assert reasons(result)["Photograph: Ann Lee/AFP"] == "photo caption"


def test_it_reads_a_byline_and_date_printed_below_a_standfirst_sentence():
    standfirst = "Officials in Freedonia said drones were intercepted over the harbour on Tuesday."
    raw = (
        f"Drones intercepted over the harbour\n{standfirst}\nBy Ann Lee\nPublished On 12 Mar 2024\n{standfirst}\n{BODY}"
    )
    result = clean_text(raw)
    assert result.meta.published == date(2024, 3, 12)
    assert result.text == "\n\n".join([standfirst, *BODY.split("\n")])
    assert reasons(result)["By Ann Lee"] == "header: byline"


def test_it_drops_a_repeated_headline_a_city_byline_and_closing_topic_tags():
    raw = (
        "Drones intercepted over the harbour\nThis article is more than 1 year old\n"
        "Drones intercepted over the harbour\nAnn Lee in Freeport\n" + BODY + "\nFreedonia\nDefence\nDrones"
    )
    result = clean_text(raw)
    assert result.text == BODY.replace("\n", "\n\n")
    why = reasons(result)
    assert why["Ann Lee in Freeport"] == "header: byline"
    assert why["Defence"] == "tag list" and why["Drones"] == "tag list"


def test_it_keeps_a_closing_line_that_is_a_sentence():
    raw = BODY + "\nTalks resume in Freeport next week."
    assert clean_text(raw).text.endswith("Talks resume in Freeport next week.")


def test_it_takes_a_byline_above_the_date_for_no_site_name():
    result = clean_text("By Rami Saleh\nJune 13, 2024 10:42 AM\n" + BODY, publisher="")
    assert result.meta.publisher == ""
    assert reasons(result)["By Rami Saleh"] == "header: byline"


def test_it_reads_a_header_date_with_a_numeric_time_zone():
    result = clean_text("Drones intercepted over the harbour\nUpdated 4:10 AM GMT+2, November 27, 2024\n" + BODY)
    assert result.meta.published == date(2024, 11, 27)
    assert result.meta.published_at == datetime(2024, 11, 27, 4, 10)


@pytest.mark.parametrize(
    "strip, day",
    [
        ("By Ann Lee | March 12, 2024 2:05 PM", date(2024, 3, 12)),
        ("Ann Lee | Reuters | March 12, 2024", date(2024, 3, 12)),
        ("By Ann Lee, Reuters • Published March 12, 2024 • 3 min read", date(2024, 3, 12)),
        ("Ann Lee · 4 min read", None),
    ],
)
def test_it_reads_a_header_strip_of_byline_date_and_reading_time(strip, day):
    result = clean_text(f"Drones intercepted over the harbour\n{strip}\n{BODY}")
    assert result.meta.published == day
    assert reasons(result)[strip] == "header: byline"
    assert result.text == BODY.replace("\n", "\n\n")


def test_it_reads_a_dotted_day_first_date_and_drops_player_buttons():
    result = clean_text("Drones intercepted over the harbour\n12.03.2024 14:05\nListen · 3:12 min\nSave\n" + BODY)
    assert result.meta.published_at == datetime(2024, 3, 12, 14, 5)
    assert result.text == BODY.replace("\n", "\n\n")
