import io
import json
import logging
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.models import Actor, ActorAlias, Article, Event, Passage

pytestmark = pytest.mark.django_db


def run(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def test_it_ingests_the_seeds_and_is_idempotent(seeds_dir):
    code, out, err = run(seeds_dir)
    assert code == 0, err
    assert "5 files read: 5 new articles, 0 already stored" in out
    counts = (Article.objects.count(), Passage.objects.count(), Event.objects.count())
    assert counts[0] == 5 and counts[2] >= 10
    code, out, _ = run(seeds_dir)
    assert code == 0 and "0 new articles, 5 already stored" in out
    assert (Article.objects.count(), Passage.objects.count(), Event.objects.count()) == counts


def test_it_links_the_seed_near_duplicates_and_infers_dates(seeds_dir):
    run(seeds_dir)
    a001 = Article.objects.get(source_name__endswith="001_d98a37a4bd9e5294.txt")
    a003 = Article.objects.get(source_name__endswith="003_9cb37a125d8c282a.txt")
    assert a003.duplicate_of_id == a001.pk or a001.duplicate_of_id == a003.pk
    a000 = Article.objects.get(source_name__endswith="000_2aa737bb80ca00e1.txt")
    assert a000.published_source == Article.DateSource.INFERRED
    assert str(a000.published) == "2024-10-31"


def test_it_rejects_bad_files_and_ingests_the_others(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"text": "Poland sent 2,000 troops to its eastern border on 3 June 2024.", "publisher": "P"})
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 society".encode("latin-1"))
    (tmp_path / "notext.jsonl").write_text('{"title": "no body"}\n')
    (tmp_path / "baddate.json").write_text('{"text": "Body text here.", "published": "2025-02-30"}')
    (tmp_path / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    code, out, err = run(tmp_path, tmp_path / "missing.txt")
    assert code == 1
    rejected = [line for line in err.splitlines() if line.startswith("rejected")]
    assert len(rejected) == 8
    for name in ["empty.txt", "binary.txt", "latin1.txt", "notext.jsonl", "baddate.json", "nothing.html", "huge.txt"]:
        assert any(name in line for line in rejected), name
    assert "8 rejected" in out and "1 new articles" in out
    assert Article.objects.count() == 1


def test_it_leaves_stored_articles_alone_when_a_file_is_bad(tmp_path, seeds_dir):
    run(seeds_dir)
    before = list(Article.objects.order_by("id").values_list("id", "content_hash", "published"))
    bad = tmp_path / "bad.json"
    bad.write_text("[{")
    code, _, err = run(bad)
    assert code == 1 and "not valid JSON" in err
    assert list(Article.objects.order_by("id").values_list("id", "content_hash", "published")) == before


def test_it_skips_a_json_line_without_text_and_ingests_the_lines_around_it(tmp_path):
    lines = [
        {
            "text": "Officials in Ankara said on Monday that talks on grain exports had resumed.",
            "published": "2024-03-06",
        },
        {"title": "A record with no body"},
        "not json at all",
        {"text": "Negotiators met in Geneva on Tuesday to discuss a prisoner exchange.", "published": "2024-03-06"},
    ]
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines), encoding="utf-8")
    code, out, err = run(f)
    assert code == 1
    assert "line 2: no 'text'" in err and "line 3: not valid JSON" in err
    assert "2 new articles" in out and "2 rejected" in out
    assert Article.objects.count() == 2


def _story(n: int) -> str:
    return (
        f"Navy drills number {n}\nPublished: 2024-03-{10 + n}\n\n"
        f"Officials in Ruritania said on Tuesday that the navy had held exercises number {n} near the coast. "
        "Neighbouring states called the drills a provocation."
    )


def _record(n: int, **fields: str) -> dict:
    body = f"Officials in Ruritania said on Tuesday that the navy had held exercises number {n} near the coast."
    return {"text": body, "published": "2024-03-20", **fields}


def _deny(monkeypatch, name: str, error: type[OSError], message: str) -> None:
    """Reading the file called ``name`` fails as the system would fail it (the tests run as root)."""
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == name:
            raise error(13 if error is PermissionError else 21, message, str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)


BAD_FILES = {
    "empty": lambda d, mp: (d / "b.txt").write_bytes(b""),
    "binary": lambda d, mp: (d / "b.txt").write_bytes(bytes(range(256)) * 4),
    "not UTF-8": lambda d, mp: (d / "b.txt").write_bytes("caf\u00e9 in Paris on Monday".encode("latin-1")),
    "permission denied": lambda d, mp: (
        (d / "b.txt").write_text(_story(5)),
        _deny(mp, "b.txt", PermissionError, "Permission denied"),
    ),
    "replaced by a folder": lambda d, mp: (
        (d / "b.txt").write_text(_story(5)),
        _deny(mp, "b.txt", IsADirectoryError, "Is a directory"),
    ),
    "a folder named x.json": lambda d, mp: (d / "b.json").mkdir(),
    "a symlink loop": lambda d, mp: (d / "b.txt").symlink_to(d / "b.txt"),
    "year 1": lambda d, mp: (d / "b.json").write_text(json.dumps(_record(5, published="0001-01-01"))),
    "year 9999": lambda d, mp: (d / "b.json").write_text(json.dumps(_record(5, published="9999-12-31T23:59:59Z"))),
}
REASONS = {
    "empty": "empty file",
    "binary": "binary file",
    "not UTF-8": "not UTF-8",
    "permission denied": "Permission denied",
    "replaced by a folder": "Is a directory",
    "a folder named x.json": "a folder, not a file",
    "a symlink loop": "cannot read",
    "year 1": "outside the years 1900-2100",
    "year 9999": "outside the years 1900-2100",
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_it_reports_a_bad_file_between_good_ones_and_stores_the_good_ones(tmp_path, monkeypatch, kind):
    (tmp_path / "a.txt").write_text(_story(1))
    BAD_FILES[kind](tmp_path, monkeypatch)
    (tmp_path / "c.txt").write_text(_story(3))
    code, out, err = run(tmp_path)  # any exception but the exit status would escape here
    assert code == 1
    (line,) = [line for line in err.splitlines() if line.startswith("rejected")]
    assert f"{tmp_path / 'b'}." in line and REASONS[kind] in line
    assert "files read: 2 new articles" in out and "1 rejected" in out
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Navy drills number 1", "Navy drills number 3"]


def test_it_goes_on_after_a_file_replaced_by_a_folder_during_the_run(tmp_path, monkeypatch):
    from timeline.ingest import service

    for n in (1, 2, 3):
        (tmp_path / f"{n}.txt").write_text(_story(n))
    real_read = service.read_file

    def read_and_swap(path, **kwargs):
        if path.name == "1.txt":  # while the first file is read, the second becomes a folder
            (tmp_path / "2.txt").unlink()
            (tmp_path / "2.txt").mkdir()
        return real_read(path, **kwargs)

    monkeypatch.setattr(service, "read_file", read_and_swap)
    code, out, err = run(tmp_path)
    assert code == 1 and "2.txt: a folder, not a file" in err
    assert "2 new articles" in out and Article.objects.count() == 2


def test_it_stores_the_records_around_one_that_cleans_to_nothing(tmp_path):
    f = tmp_path / "wire.jsonl"
    records = [_record(1), {"text": "Photo: AP", "published": "2024-03-20"}, _record(3)]
    f.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    code, out, err = run(f)
    assert code == 1
    assert f"rejected {f} line 2: nothing left after cleaning" in err
    assert "2 new articles" in out and "1 rejected" in out
    assert Article.objects.count() == 2


def test_it_names_the_record_of_a_json_list_that_cleans_to_nothing(tmp_path):
    f = tmp_path / "list.json"
    f.write_text(json.dumps([_record(1), {"text": "Photo: AP"}, _record(3)]), encoding="utf-8")
    code, out, err = run(f)
    assert code == 1 and "record 2: nothing left after cleaning" in err
    assert Article.objects.count() == 2


def test_it_removes_nul_and_control_characters_from_text_and_title(tmp_path):
    (tmp_path / "a.txt").write_text(_story(1))
    late_nul = "x" * 9000 + "\x00"  # past the first 8 KB
    record = _record(2, title="Drills\x00 at \x07sea")
    record["text"] += f" The\x00 ministry gave no\x1b details.\n{late_nul}"
    (tmp_path / "b.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "c.txt").write_text(_story(3).replace("Published", "Pub\x00lished"))
    code, out, err = run(tmp_path)
    assert code == 0, err
    assert Article.objects.count() == 3
    for article in Article.objects.all():
        for value in (article.title, article.raw_text, article.text, *article.passages.values_list("text", flat=True)):
            assert not any(ord(ch) < 32 and ch not in "\n\t\r" for ch in value), repr(value)
    assert Article.objects.filter(title="Drills at sea").exists()


def test_it_stores_a_header_date_outside_the_years_as_unknown(tmp_path):
    f = tmp_path / "far.txt"
    f.write_text(_story(1).replace("Published: 2024-03-11", "Published: 9999-12-31"))
    code, out, err = run(f)
    assert code == 0, err
    (article,) = Article.objects.all()
    assert article.published is None and article.published_source == Article.DateSource.UNKNOWN


def test_it_stores_the_same_file_once_after_an_actor_is_added(tmp_path):
    f = tmp_path / "teasers.txt"
    f.write_text(
        "Freedonia holds talks\n3 June 2024\n\n"
        "Freedonia opened talks with its neighbours on Monday, its foreign ministry said.\n"
        "More stories\n"
        "Freedonia's parliament approved the budget on Friday after a long debate.\n"
        "Freedonia's central bank left its rates unchanged on Thursday, officials said.\n",
        encoding="utf-8",
    )
    assert run(f)[0] == 0
    actor = Actor.objects.create(name="Freedonia", slug="freedonia", kind="country")
    ActorAlias.objects.create(actor=actor, alias="Freedonia")
    code, out, _ = run(f)
    assert code == 0 and "0 new articles, 1 already stored" in out
    assert Article.objects.count() == 1


def test_it_names_a_folder_it_cannot_list_and_stores_the_files_around_it(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(_story(1))
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(_story(2))
    (tmp_path / "c.txt").write_text(_story(3))

    def denying(real):
        def call(path="."):
            if Path(path) == locked:  # as the system refuses it to a user without the right (the tests run as root)
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        return call

    monkeypatch.setattr(os, "scandir", denying(os.scandir))
    monkeypatch.setattr(os, "listdir", denying(os.listdir))
    code, out, err = run(tmp_path)
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("rejected")] == [
        f"rejected {locked}: a folder that cannot be listed (Permission denied)"
    ]
    assert "2 new articles" in out and "1 rejected" in out


def test_it_refuses_a_page_without_an_article_in_one_line_and_no_library_warning(tmp_path, caplog):
    page = tmp_path / "short.html"
    page.write_text("<html><head><title>Troops <b>moved</head><body><p>Troops moved.")  # the title is never closed
    with caplog.at_level(logging.WARNING):
        code, out, err = run(page)
    assert code == 1 and f"rejected {page}: no article text found in the HTML page" in err
    assert [record.getMessage() for record in caplog.records] == []
