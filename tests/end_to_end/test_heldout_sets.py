"""Floors on the held-out sets written by another hand before any run of the app on them (tests/data/heldout_*).

Beat, atlas and echo have since been used to develop rules: their floors sit a little below their figures after
that work (atlas 43 of 50 clean, 27 of 28 required; beat 46 of 54, 25 of 25; echo 54 of 61, 24 of 26), so a
rule that undoes it fails here. Compass and delta stay out of rule tuning: their floors are their first runs
(compass 41 of 50 clean, 18 of 27 required; delta 28 of 32, 9 of 27; docs/evaluation.md gives the later figures).
Grove was blind for its first run (47 of 64 clean, 20 of 28 required) and then used for development (60 of 72,
25 of 28): its floor sits a little below the latter. Fjord likewise (first run 50 of 65 clean, 21 of 30 required;
after development 60 of 72, 25 of 30)."""

import pytest

from tests.end_to_end.scoring import fraction, scored
from tests.paths import DATA

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "clean_floor", "required_floor"),
    [
        ("heldout_beat", 0.80, 23),
        ("heldout_atlas", 0.80, 25),
        ("heldout_echo", 0.82, 21),
        ("heldout_compass", 0.80, 18),
        ("heldout_delta", 0.85, 9),
        ("heldout_grove", 0.78, 23),
        ("heldout_fjord", 0.78, 23),
    ],
)
def test_held_out_events_stay_at_least_as_clean_as_their_floors(name, clean_floor, required_floor) -> None:
    folder = DATA / name
    report = scored(folder / "articles", folder / "gold.json")
    clean, shown = fraction(report, "clean events")
    assert clean / shown >= clean_floor, report
    found, _ = fraction(report, "required found with the right date")
    assert found >= required_floor, report
