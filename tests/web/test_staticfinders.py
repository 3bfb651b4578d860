from __future__ import annotations

from pathlib import Path

from django.contrib.staticfiles import finders

from timeline.web.staticfinders import PlotlyJsFinder


def test_it_finds_plotly_js_in_the_installed_wheel():
    found = finders.find("vendor/plotly/plotly.min.js")
    assert found and Path(found).name == "plotly.min.js" and Path(found).stat().st_size > 1_000_000


def test_it_lists_only_plotly_js_for_collectstatic():
    listed = list(PlotlyJsFinder().list([]))
    assert [(path, storage.prefix) for path, storage in listed] == [("plotly.min.js", "vendor/plotly")]
    assert list(PlotlyJsFinder().list(["*.js"])) == []


def test_it_finds_nothing_else():
    finder = PlotlyJsFinder()
    assert finder.find("vendor/plotly/widgetbundle.js") == ""
    assert finder.find("vendor/plotly/other.js", find_all=True) == []
    assert finder.check() == []
