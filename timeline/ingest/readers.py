"""Reading article files: .txt as scraped, .html/.htm pages, .json (an object or a list) and .jsonl.

Each reader returns ArticleInput values or raises ReadError with a reason a person can act on.
Nothing here touches the database.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from timeline.extraction.clean.characters import strip_control
from timeline.extraction.clean.lines import PUBLISHED_YEARS, published_in_range

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BINARY_SHARE = 0.05  # a file whose first 8 KB are more than this share control characters is binary
LONG_BLOCK_WORDS = 20  # a block of text this long on a page without <p> or <article> is body text


class ReadError(Exception):
    """A file that cannot be ingested, with the reason."""


@dataclass(frozen=True)
class ArticleInput:
    raw_text: str
    title: str = ""
    url: str = ""
    publisher: str = ""
    published: date | None = None
    published_at: datetime | None = None
    source_name: str = ""
    where: str = ""  # the record's place in its file ("line 3", "record 2"), empty for a one-article file


@dataclass
class FileRead:
    articles: list[ArticleInput]
    skipped: list[str]  # records left out of a JSON list or a JSONL file, each with where and why


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the article files inside the folders named (recursively, sorted).

    Whatever has an article file's name is yielded, even when it is not a readable file (a folder named
    ``x.json``, a broken link or a link loop), and so is a folder that cannot be listed: reading it then
    says why it cannot be ingested, so that nothing is left out without a word.
    """
    for path in paths:
        if path.is_dir():
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=lambda exc: found.append(Path(exc.filename))):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder) / n for n in (*names, *dirs) if _article_name(n))
    return sorted(set(found))


def _article_name(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        if path.is_dir():
            os.listdir(path)  # a folder that cannot be listed says so
            raise ReadError("a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"too large: {size} bytes (the limit is {max_bytes})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    if not data:
        raise ReadError("empty file")
    if len(data) > max_bytes:
        raise ReadError(f"too large: more than {max_bytes} bytes")
    head = data[:8192]
    if sum(b < 9 or 13 < b < 32 for b in head) > BINARY_SHARE * len(head):
        raise ReadError("binary file (control bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 text (invalid byte at offset {exc.start})") from exc
    text = strip_control(text)
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    return text


def parse_published(value: object) -> tuple[date | None, datetime | None]:
    """An ISO 8601 date or datetime; ReadError for a date that cannot exist."""
    if value in (None, ""):
        return None, None
    if not isinstance(value, str):
        raise ReadError(f"published: expected an ISO 8601 string, got {type(value).__name__}")
    raw = value.strip()
    moment: datetime | None = None
    try:
        if len(raw) <= 10:
            day = date.fromisoformat(raw)
        else:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            day = moment.date()
    except ValueError as exc:
        raise ReadError(f"published: {raw!r} is not a valid ISO 8601 date ({exc})") from exc
    if not published_in_range(day):
        low, high = PUBLISHED_YEARS
        raise ReadError(f"published: {raw!r} is outside the years {low}-{high}")
    return day, moment


def _from_record(record: object, where: str, source: str) -> ArticleInput:
    if not isinstance(record, dict):
        raise ReadError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(f"{where}: no 'text'")
    try:
        published, published_at = parse_published(record.get("published"))
    except ReadError as exc:
        raise ReadError(f"{where}: {exc}") from exc
    fields = {}
    for key in ("title", "url", "publisher"):
        value = record.get(key) or ""
        if not isinstance(value, str):
            raise ReadError(f"{where}: '{key}' must be a string")
        fields[key] = strip_control(value).strip()
    return ArticleInput(
        raw_text=strip_control(text),
        published=published,
        published_at=published_at,
        source_name=source,
        where=where,
        **fields,
    )


def _records(records: list[tuple[str, object]], source: str) -> FileRead:
    """Articles from (where, record) pairs; a bad record is left out with its reason, the others kept."""
    read = FileRead(articles=[], skipped=[])
    for where, record in records:
        try:
            read.articles.append(_from_record(record, where, source))
        except ReadError as exc:
            read.skipped.append(str(exc))
    if not read.articles:
        raise ReadError("; ".join(read.skipped) if read.skipped else "no records")
    return read


def read_json(text: str, source: str) -> FileRead:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise ReadError("not usable JSON: nested too deeply") from exc
    if data == []:
        raise ReadError("an empty JSON list")
    if not isinstance(data, list):
        return _records([("the object", data)], source)
    return _records([(f"record {i + 1}", r) for i, r in enumerate(data)], source)


def read_jsonl(text: str, source: str) -> FileRead:
    pairs: list[tuple[str, object]] = []
    broken: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            pairs.append((f"line {n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            broken.append(f"line {n}: not valid JSON ({exc.msg})")
        except RecursionError:
            broken.append(f"line {n}: not usable JSON (nested too deeply)")
    if not pairs:
        raise ReadError("; ".join(broken) or "no JSON lines")
    try:
        read = _records(pairs, source)
    except ReadError as exc:
        raise ReadError("; ".join([*broken, str(exc)])) from exc
    read.skipped[:0] = broken
    return read


_SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg", "figure", "button", "iframe"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "main", "br", "tr"}
# the page's own publication-date fields, most specific first
_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "dc.date",
    "date",
)
_META_SITE = ("og:site_name", "publisher", "application-name")
_META_TITLE = ("og:title", "twitter:title")
# containers that sites name for what they hold: consent banners, share bars, teasers, promotions, ad slots
_FURNITURE_CONTAINERS = {"div", "section", "ul", "ol", "table"}
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|related|share|sharing|social|advert|advertisement|ads?|ad-slot|"
    r"promo|subscribe|subscription|comments?|outbrain|taboola|recirc|most-read|mostread|trending|paywall|"
    r"more-stories|read-next|recommended)(?:$|[\s_-])",
    re.I,
)


class _ArticleHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._skip = 0
        self._article_depth = 0
        self.articles: list[list[str]] = []  # the text of each top-level <article> element
        self.paragraph_parts: list[str] = []
        self.block_parts: list[str] = []
        self._in_p = 0
        self._buffer: list[str] = []
        self._in_ld = False
        self.ld_parts: list[str] = []
        self._furniture: tuple[str, int] | None = None  # the named furniture container being skipped, its depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
        if tag == "time" and a.get("datetime") and "time" not in self.meta:
            self.meta["time"] = a["datetime"]
        if self._furniture is not None:
            name, depth = self._furniture
            self._furniture = (name, depth + (tag == name))
            return
        if tag in _FURNITURE_CONTAINERS and _FURNITURE_NAME.search(f"{a.get('class', '')} {a.get('id', '')}"):
            self._flush()
            self._furniture = (tag, 1)
            return
        if tag in _SKIP:
            self._skip += 1
            return
        if tag == "title":
            self._in_title = True
        if tag == "article":
            self._flush()
            if not self._article_depth:
                self.articles.append([])
            self._article_depth += 1
        if tag == "p":
            self._in_p += 1
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False
        if self._furniture is not None:
            name, depth = self._furniture
            depth -= tag == name
            self._furniture = (name, depth) if depth > 0 else None
            return
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self._flush()
        if tag == "p":
            self._in_p = max(0, self._in_p - 1)
        if tag == "article":
            self._article_depth = max(0, self._article_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld_parts.append(data)
            return
        if self._in_title:
            self.title += data
            return
        if self._skip or self._furniture is not None:
            return
        self._buffer.append(data)

    def article_parts(self) -> list[str]:
        """The longest <article> element's text: teaser cards are <article> elements too."""
        return max(self.articles, key=lambda parts: sum(len(p.split()) for p in parts), default=[])

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if not text:
            return
        if self._article_depth:
            self.articles[-1].append(text)
        if self._in_p:
            self.paragraph_parts.append(text)
        self.block_parts.append(text)


def _json_ld_fields(blocks: list[str]) -> dict[str, str]:
    """datePublished, headline and publisher name from the page's schema.org JSON-LD (an article object,
    a list of objects or an @graph), as meta keys; a broken block is ignored."""
    found: dict[str, str] = {}
    stack: list[object] = []
    for block in blocks:
        try:
            stack.append(json.loads(block))
        except json.JSONDecodeError:
            continue
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(v for k, v in item.items() if k == "@graph")
            for key, meta_key in (("datePublished", "datepublished"), ("headline", "og:title")):
                if isinstance(item.get(key), str) and item[key].strip():
                    found.setdefault(meta_key, item[key].strip())
            org = item.get("publisher")
            if isinstance(org, dict) and isinstance(org.get("name"), str) and org["name"].strip():
                found.setdefault("publisher", org["name"].strip())
    return found


# "Headline | Site", "Headline - Site", "Site: Headline" in a page's <title>
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _split_page_title(page_title: str) -> tuple[str, str]:
    """The headline and the site name of a <title>: the site is a short side of at most four words."""
    parts = _TITLE_SEPARATOR.split(page_title)
    if len(parts) < 2:
        return page_title, ""
    first, last = parts[0], parts[-1]
    # the headline side has at least four words and more than the site side
    if len(last.split()) <= 4 and len(" ".join(parts[:-1]).split()) >= max(4, len(last.split()) + 1):
        return page_title[: page_title.rfind(last)].rstrip(" |–—-:"), last
    if len(first.split()) <= 4 and len(" ".join(parts[1:]).split()) >= max(4, len(first.split()) + 1):
        return page_title[len(first) :].lstrip(" |–—-:"), first
    return page_title, ""


def read_html(text: str, source: str) -> ArticleInput:
    parser = _ArticleHTML()
    parser.feed(text)
    parser.close()
    parser._flush()
    # the <article> element, else the page's paragraphs, else its long blocks of text
    parts = (
        parser.article_parts()
        or parser.paragraph_parts
        or [b for b in parser.block_parts if len(b.split()) >= LONG_BLOCK_WORDS]
    )
    body = "\n\n".join(parts)
    if len(body.split()) < 25:
        raise ReadError("no article text found in the HTML page")
    meta = {**_json_ld_fields(parser.ld_parts), **parser.meta}
    published_raw = next((meta[k] for k in _META_PUBLISHED if k in meta), meta.get("time", ""))
    try:
        published, published_at = parse_published(published_raw[:32]) if published_raw else (None, None)
    except ReadError:
        published, published_at = None, None  # a page's odd date format: fall back to the text's header
    title = next((meta[k] for k in _META_TITLE if k in meta), "")
    publisher = next((meta[k] for k in _META_SITE if k in meta), "")
    if not title:
        title, site = _split_page_title(" ".join(parser.title.split()))
        publisher = publisher or site
    url = meta.get("og:url", "")
    return ArticleInput(
        raw_text=body,
        title=title,
        url=url,
        publisher=publisher,
        published=published,
        published_at=published_at,
        source_name=source,
    )


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FileRead:
    """The articles in one file, and the records of a JSON list or JSONL file left out with their reason.

    ReadError when nothing in the file can be ingested.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
    text = _read_text(path, max_bytes)
    source = os.fspath(path)
    if suffix == ".json":
        return read_json(text, source)
    if suffix == ".jsonl":
        return read_jsonl(text, source)
    if suffix in (".html", ".htm"):
        return FileRead(articles=[read_html(text, source)], skipped=[])
    return FileRead(articles=[ArticleInput(raw_text=text, source_name=source)], skipped=[])


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ArticleInput]:
    """The articles in one file, all or nothing: ReadError when any record cannot be ingested."""
    read = read_file(path, max_bytes=max_bytes)
    if read.skipped:
        raise ReadError("; ".join(read.skipped))
    return read.articles
