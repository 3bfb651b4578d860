import json
from datetime import date

import pytest

from tests.conftest import shared_path
from tests.paths import DATA
from timeline.evaluation.key_dates import collection_files, date_f1, gold_days


def test_date_f1_counts_each_day_once():
    gold = [date(2021, 2, 1), date(2021, 2, 6), date(2021, 3, 3), date(2021, 3, 27)]
    picked = [date(2021, 2, 1), date(2021, 2, 2), date(2021, 3, 27), date(2021, 3, 27)]
    score = date_f1(picked, gold)
    assert (score.picked, score.gold, score.hits) == (3, 4, 2)
    assert score.f1 == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert date_f1([], gold).f1 == 0.0


def test_gold_days_reads_a_timeline_and_refuses_other_json(tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps({"dates": [{"date": "2021-03-03"}, {"date": "2021-02-01", "summary": "x"}]}))
    assert gold_days(path) == [date(2021, 2, 1), date(2021, 3, 3)]
    path.write_text("[1, 2]")
    with pytest.raises(ValueError):
        gold_days(path)


def test_the_collections_in_the_repository_have_their_articles_and_gold():
    folder = DATA / "key_dates"
    for name in ("belarus_2020", "myanmar_coup_2021"):
        assert len(collection_files(folder / name, folder)) >= 25
        assert len(gold_days(folder / name / "timeline.json")) >= 8


def test_a_listed_collection_reads_its_articles_from_the_shared_folder():
    shared = shared_path("data", "news_dev", "articles")
    folder = DATA / "key_dates" / "news_dev_mix"
    listed = folder.joinpath("articles.txt").read_text().split()
    assert [p.name for p in collection_files(folder, shared)] == listed
