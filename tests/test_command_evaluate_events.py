import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_meets_the_targets_on_the_seeds(seeds_dir, gold_seeds):
    call_command("ingest", str(seeds_dir), stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("evaluate_events", str(gold_seeds), stdout=out)
    report = out.getvalue()
    lines = report.splitlines()
    required = next(line for line in lines if line.startswith("required events found"))
    found, total = required.rsplit(" ", 1)[1].split("/")
    assert found == total, report
    linked = next(line for line in lines if line.startswith("required mentions linked"))
    done, total = linked.rsplit(" ", 1)[1].split("/")
    assert done == total, report
    assert "gold events split over several events: 0" in report
    assert "events built on a negative passage: 0" in report
    unmatched = next(line for line in lines if line.startswith("events matching no gold event"))
    assert int(unmatched.split(": ")[1].split()[0]) <= 3, report
    assert report.rstrip().endswith("targets met: yes")


def test_it_reports_misses_on_an_empty_database(gold_seeds):
    out = io.StringIO()
    call_command("evaluate_events", str(gold_seeds), stdout=out)
    assert "required events found with the right date: 0/" in out.getvalue()
    assert "targets met: no" in out.getvalue()
