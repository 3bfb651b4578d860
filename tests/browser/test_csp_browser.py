"""The pages run under their own Content-Security-Policy: the chart draws and an event opens with no violation."""

from __future__ import annotations

import pytest

from tests.web_factories import make_sample_timeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_tallies")]


def test_it_draws_the_chart_and_opens_an_event_without_breaking_the_policy(open_page) -> None:
    launch = make_sample_timeline()["events"]["launch"]
    page = open_page("/", enforce_csp=True)
    page.wait_for_selector("#timeline-chart[data-drawn] .scatterlayer .point", timeout=20_000)
    page.click(f'a.event-title[data-slug="{launch.slug}"]')
    page.wait_for_selector(f"#event-panel #event-{launch.slug}")
    page.goto(page.url.split("?")[0] + f"events/{launch.slug}/")
    page.wait_for_selector("h1")
    assert page.csp_violations == [] and page.errors == []
