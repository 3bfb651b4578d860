import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.models import Article, Event, Passage

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
