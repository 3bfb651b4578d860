import json
from datetime import date, datetime

import pytest

from timeline.ingest.readers import ReadError, iter_files, parse_published, read_file, read_path

HTML = """<html><head><title>Drones over the harbour | Harbour Gazette</title>
<meta property="og:title" content="Drones intercepted over the harbour">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-07-09T10:20:00Z">
<script>var tracking = "do not read me";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones intercepted over the harbour</h1>
<p>The navy of Freedonia intercepted two drones over the harbour on Monday night, officials said.</p>
<p>Officials gave no details of where the drones had come from, and no group has claimed them so far.</p>
</article><footer>Copyright Harbour Gazette</footer></body></html>"""


def test_it_reads_a_scraped_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline\nSome body text.", encoding="utf-8")
    (item,) = read_path(f)
    assert item.raw_text == "Headline\nSome body text." and item.source_name == str(f)


def test_it_reads_an_html_page(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(HTML, encoding="utf-8")
    (item,) = read_path(f)
    assert item.title == "Drones intercepted over the harbour"
    assert item.publisher == "Harbour Gazette"
    assert item.published == date(2024, 7, 9)
    assert "intercepted two drones" in item.raw_text
    assert "tracking" not in item.raw_text and "Home" not in item.raw_text and "Copyright" not in item.raw_text


def test_it_refuses_an_html_page_without_an_article(tmp_path):
    f = tmp_path / "a.htm"
    f.write_text("<html><body><nav>Home</nav><p>Subscribe</p></body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match="no article"):
        read_path(f)


def test_it_reads_json_objects_lists_and_lines(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Body.", "title": "T", "published": "2024-03-01T12:00:00+00:00"}))
    (item,) = read_path(one)
    assert item.published == date(2024, 3, 1) and item.published_at.hour == 12
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A."}, {"text": "B.", "publisher": "P"}]))
    assert [i.raw_text for i in read_path(many)] == ["A.", "B."]
    lines = tmp_path / "x.jsonl"
    lines.write_text('{"text": "A.", "url": "https://example.org/a"}\n\n{"text": "B.", "published": "2024-02-29"}\n')
    items = read_path(lines)
    assert items[0].url == "https://example.org/a" and items[1].published == date(2024, 2, 29)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n ", "empty"),
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "caf\u00e9".encode("latin-1"), "UTF-8"),
        ("bad.jsonl", b'{"text": "ok"}\n{"title": "no text"}\n', "line 2: no 'text'"),
        ("date.json", b'{"text": "ok", "published": "2025-02-30"}', "not a valid ISO 8601 date"),
        ("broken.json", b'{"text": ', "not valid JSON"),
        ("notes.docx", b"whatever", "unsupported file type"),
    ],
)
def test_it_refuses_bad_files_with_a_reason(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_path(f)


def test_it_refuses_a_huge_file_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(ReadError, match="too large"):
        read_path(f, max_bytes=5 * 1024 * 1024)


def test_it_walks_folders_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.json", "b/1.html", "notes.md", ".hidden.txt"]:
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == ["a.json", "b/1.html", "b/2.txt"]


def test_it_parses_iso_dates_and_datetimes():
    assert parse_published("2024-01-05") == (date(2024, 1, 5), None)
    assert parse_published("2024-01-05T10:00:00Z")[1] == datetime.fromisoformat("2024-01-05T10:00:00+00:00")
    assert parse_published(None) == (None, None)
    with pytest.raises(ReadError):
        parse_published(20240105)


def test_it_reads_a_page_without_paragraph_markup_from_its_long_blocks(tmp_path):
    body = "The navy of Freedonia intercepted two drones over the harbour on Monday night, officials said on Tuesday."
    page = f"<html><body><div class='menu'>Home World</div><div>{body} {body}</div><footer>c</footer></body></html>"
    f = tmp_path / "plain.html"
    f.write_text(page, encoding="utf-8")
    (item,) = read_path(f)
    assert item.raw_text.startswith("The navy of Freedonia") and "Home World" not in item.raw_text


def test_it_reads_the_good_records_of_a_file_and_names_the_bad_ones(tmp_path):
    f = tmp_path / "list.json"
    f.write_text(
        json.dumps([{"text": "A."}, {"text": ""}, {"text": "B.", "published": "2025-02-30"}]), encoding="utf-8"
    )
    read = read_file(f)
    assert [i.raw_text for i in read.articles] == ["A."]
    assert read.skipped[0].startswith("record 2: no 'text'") and read.skipped[1].startswith("record 3:")
    with pytest.raises(ReadError, match="record 2"):
        read_path(f)  # all or nothing


def test_it_refuses_a_file_whose_every_record_is_bad(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"title": "x"}\n{"title": "y"}\n', encoding="utf-8")
    with pytest.raises(ReadError, match="line 1: no 'text'; line 2: no 'text'"):
        read_file(f)


def test_it_reads_the_date_headline_and_publisher_from_json_ld(tmp_path):
    body = (
        "<p>" + "The navy of Freedonia said its ships intercepted two drones over the harbour on Tuesday. " * 3 + "</p>"
    )
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Harbour Gazette"},
            {
                "@type": "NewsArticle",
                "headline": "Drones intercepted over the harbour",
                "datePublished": "2024-07-09T08:00:00Z",
                "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
            },
        ],
    }
    page = (
        "<html><head><title>Drones intercepted over the harbour - Harbour Gazette</title>"
        '<script type="application/ld+json">{broken</script>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article>{body}</article></body></html>"
    )
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    (item,) = read_path(f)
    assert item.title == "Drones intercepted over the harbour"
    assert item.publisher == "Harbour Gazette"
    assert item.published == date(2024, 7, 9)
    assert "NewsArticle" not in item.raw_text and "intercepted two drones" in item.raw_text
    assert item.published_at == datetime.fromisoformat("2024-07-09T08:00:00+00:00")


def test_it_leaves_out_containers_named_for_furniture_inside_the_article(tmp_path):
    sentence = "The navy of Freedonia said its ships intercepted two drones over the harbour on Tuesday. "
    page = (
        '<html><head><meta name="date" content="2024-07-01">'
        '<meta property="article:published_time" content="2024-07-09T08:00:00Z"></head><body><article>'
        f"<p>{sentence * 2}</p>"
        '<div class="ad-slot"><div>Advertisement</div><p>Buy a boat today</p></div>'
        '<ul class="share-bar"><li>Facebook</li><li>Email</li></ul>'
        '<section id="related_stories"><p>Floods hit the north</p></section>'
        '<div class="shared-heading">'
        f"<p>{sentence}</p></div>"
        "</article></body></html>"
    )
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    (item,) = read_path(f)
    assert item.raw_text.count("intercepted two drones") == 3
    for furniture in ("Advertisement", "Buy a boat", "Facebook", "Floods"):
        assert furniture not in item.raw_text
    assert item.published == date(2024, 7, 9)  # the article's own field before a generic "date"


@pytest.mark.parametrize(
    "page_title, title, publisher",
    [
        (
            "Drones intercepted over the harbour | Harbour Gazette",
            "Drones intercepted over the harbour",
            "Harbour Gazette",
        ),
        (
            "Harbour Gazette - Drones intercepted over the harbour",
            "Drones intercepted over the harbour",
            "Harbour Gazette",
        ),
        ("Drones intercepted over the harbour", "Drones intercepted over the harbour", ""),
        ("Freedonia - Ruritania talks", "Freedonia - Ruritania talks", ""),
    ],
)
def test_it_splits_the_site_name_off_a_page_title(tmp_path, page_title, title, publisher):
    body = (
        "<p>" + "The navy of Freedonia said its ships intercepted two drones over the harbour on Tuesday. " * 3 + "</p>"
    )
    f = tmp_path / "a.html"
    f.write_text(f"<html><head><title>{page_title}</title></head><body>{body}</body></html>", encoding="utf-8")
    (item,) = read_path(f)
    assert (item.title, item.publisher) == (title, publisher)


def test_it_reads_the_longest_article_element_of_a_page_with_teaser_cards(tmp_path):
    sentence = "The navy of Freedonia said its ships intercepted two drones over the harbour on Tuesday. "
    page = (
        "<html><body><article><h2>Floods hit the north</h2><p>Rivers rose after heavy rain.</p></article>"
        f"<main><article><p>{sentence * 3}</p></article></main>"
        "<article><h2>Markets rally</h2><p>Shares rose on Friday.</p></article></body></html>"
    )
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    (item,) = read_path(f)
    assert item.raw_text.count("intercepted two drones") == 3
    assert "Floods" not in item.raw_text and "Markets" not in item.raw_text


def test_it_reads_a_pages_date_from_its_markup_when_no_field_gives_it(tmp_path):
    sentence = "The navy of Freedonia said its ships intercepted two drones over the harbour on Tuesday. "
    page = (
        "<html><head><title>Drones intercepted over the harbour</title></head><body><article>"
        f'<p><time datetime="2024-07-09">9 July 2024</time></p><p>{sentence * 3}</p></article></body></html>'
    )
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    (item,) = read_path(f)
    assert item.published == date(2024, 7, 9) and item.published_at is None


def test_it_removes_control_characters_from_a_page(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(HTML.replace("intercepted two drones", "intercepted\x07 two\x00 drones"), encoding="utf-8")
    (item,) = read_path(f)
    assert "intercepted two drones" in item.raw_text
