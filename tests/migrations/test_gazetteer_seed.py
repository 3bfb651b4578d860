"""The gazetteer's data migrations read a frozen file, never the code of the day."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.models import Actor, ActorAlias

MIGRATIONS = Path(__file__).resolve().parents[2] / "timeline" / "migrations"


# The migrations allowed to import the app's code, and why; every other migration must carry what it needs
# (frozen data files, frozen copies of functions) so that it does the same thing whatever the code becomes.
READS_LIVE_CODE = {
    # by design: the triggers are installed from one place, timeline/sql/<database>.sql, read at migrate time
    "0025_triggers_from_one_file.py",
    # the same installer, run again because the file changed (tally deltas, search text built once per ingest)
    "0033_tally_deltas.py",
    # fills mention facts the way the extraction of the day reads a passage, as a re-read command would
    "0022_mention_match_facts.py",
}
APP_IMPORT = re.compile(r"^\s*(?:from|import)\s+timeline\b", re.MULTILINE)


def test_it_imports_no_app_code_in_the_migrations_but_the_listed_ones():
    importing = {path.name for path in MIGRATIONS.glob("0*.py") if APP_IMPORT.search(path.read_text(encoding="utf-8"))}
    assert importing <= READS_LIVE_CODE
    assert not APP_IMPORT.search((MIGRATIONS / "0007_seed_gazetteer.py").read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_it_seeds_every_actor_and_alias_of_the_frozen_file():
    rows = json.loads((MIGRATIONS / "gazetteer_seed.json").read_text(encoding="utf-8"))
    assert set(Actor.objects.values_list("name", flat=True)) >= {row["name"] for row in rows}
    stored = set(ActorAlias.objects.values_list("alias", "case_sensitive"))
    assert {(a.lstrip("="), a.startswith("=")) for row in rows for a in row["aliases"]} <= stored


@pytest.mark.django_db
def test_it_adds_every_state_body_leader_and_place_of_the_world_file():
    rows = json.loads((MIGRATIONS / "gazetteer_world.json").read_text(encoding="utf-8"))
    assert {"Finland", "Morocco", "African Union", "Sahel"} <= {row["name"] for row in rows}
    assert set(Actor.objects.values_list("name", flat=True)) >= {row["name"] for row in rows}
    stored = set(ActorAlias.objects.values_list("alias", "case_sensitive"))
    assert {(a.lstrip("="), a.startswith("=")) for row in rows for a in row["aliases"]} <= stored


@pytest.mark.django_db
def test_names_opening_with_north_are_their_own_and_not_north_korea():
    from timeline.events.matching import gazetteer_current

    assert ActorAlias.objects.get(alias="North Atlantic Alliance").actor.name == "NATO"
    found = {h.actor for h in gazetteer_current().find("Ships left the North Sea to join the North Atlantic Alliance.")}
    assert found == {"North Sea", "NATO"}
