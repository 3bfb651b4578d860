"""Reading article files: .txt as scraped, .html/.htm pages, .json (an object or a list) and .jsonl.

Each reader returns ArticleInput values or raises ReadError with a reason a person can act on.
Nothing here touches the database.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from timeline.extraction.clean.characters import strip_control
from timeline.extraction.clean.published import PUBLISHED_YEARS, published_in_range
from timeline.ingest.html_pages import PageError, read_page

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BINARY_SHARE = 0.05  # a file whose first 8 KB are more than this share control characters is binary


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


_CONTROL_BYTES = bytes(b for b in range(256) if b < 9 or 13 < b < 32)  # what a text file does not hold


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        if path.is_dir():
            _folder_listable(path)
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
    if len(head) - len(head.translate(None, _CONTROL_BYTES)) > BINARY_SHARE * len(head):
        raise ReadError("binary file (control bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 text (invalid byte at offset {exc.start})") from exc
    text = strip_control(text)
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    return text


def _folder_listable(path: Path) -> None:
    """ReadError naming the folder as such when it cannot be listed (its files were left out of the run)."""
    try:
        os.listdir(path)
    except OSError as exc:
        raise ReadError(f"a folder that cannot be listed ({exc.strerror or exc})") from exc


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


def read_html(text: str, source: str) -> ArticleInput:
    """A saved web page's article (timeline.ingest.html_pages): main text, title, site, address and date."""
    try:
        page = read_page(text)
    except PageError as exc:
        raise ReadError(str(exc)) from exc
    return ArticleInput(
        raw_text=page.text,
        title=page.title,
        url=page.url,
        publisher=page.publisher,
        published=page.published,
        published_at=page.published_at,
        source_name=source,
    )


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FileRead:
    """The articles in one file, and the records of a JSON list or JSONL file left out with their reason.

    ReadError when nothing in the file can be ingested.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and not path.is_dir():  # a folder (one that could not be listed) says what it is
        raise ReadError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
    text = _read_text(path, max_bytes)
    source = os.fspath(path)
    if suffix == ".json":
        read = read_json(text, source)
    elif suffix == ".jsonl":
        read = read_jsonl(text, source)
    elif suffix in (".html", ".htm"):
        read = FileRead(articles=[read_html(text, source)], skipped=[])
    else:
        read = FileRead(articles=[ArticleInput(raw_text=text, source_name=source)], skipped=[])
    return read


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ArticleInput]:
    """The articles in one file, all or nothing: ReadError when any record cannot be ingested."""
    read = read_file(path, max_bytes=max_bytes)
    if read.skipped:
        raise ReadError("; ".join(read.skipped))
    return read.articles
