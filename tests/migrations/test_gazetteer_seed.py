"""The gazetteer's data migrations read a frozen file, never the code of the day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.models import Actor, ActorAlias

MIGRATIONS = Path(__file__).resolve().parents[2] / "timeline" / "migrations"


def test_it_imports_no_app_code_in_the_gazetteer_migrations():
    for name in ("0007_seed_gazetteer.py", "0009_gazetteer_more_places.py"):
        assert "from timeline" not in (MIGRATIONS / name).read_text(encoding="utf-8"), name


@pytest.mark.django_db
def test_it_seeds_every_actor_and_alias_of_the_frozen_file():
    rows = json.loads((MIGRATIONS / "gazetteer_seed.json").read_text(encoding="utf-8"))
    assert set(Actor.objects.values_list("name", flat=True)) >= {row["name"] for row in rows}
    stored = set(ActorAlias.objects.values_list("alias", "case_sensitive"))
    assert {(a.lstrip("="), a.startswith("=")) for row in rows for a in row["aliases"]} <= stored
