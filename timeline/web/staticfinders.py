"""Serve plotly.js from the installed plotly wheel, so the repository never holds a 4.6 MB copy.

The finder exposes exactly one file, ``vendor/plotly/plotly.min.js``; runserver, the test live server
and collectstatic all find it through ``STATICFILES_FINDERS``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import plotly
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

PREFIX = "vendor/plotly"
FILENAME = "plotly.min.js"
PACKAGE_DATA = Path(plotly.__file__).resolve().parent / "package_data"


class PlotlyJsFinder(BaseFinder):
    """Finds ``vendor/plotly/plotly.min.js`` inside the plotly package."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=PACKAGE_DATA)
        self.storage.prefix = PREFIX

    def check(self, **kwargs: object) -> list[CheckMessage]:
        if not (PACKAGE_DATA / FILENAME).is_file():
            return [Error(f"{PACKAGE_DATA / FILENAME} is missing: reinstall plotly", id="timeline.E001")]
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: object) -> str | list[str]:
        if path == f"{PREFIX}/{FILENAME}" and (PACKAGE_DATA / FILENAME).is_file():
            found = str(PACKAGE_DATA / FILENAME)
            return [found] if find_all else found
        return [] if find_all else ""

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        if not utils.matches_patterns(FILENAME, ignore_patterns or []):
            yield FILENAME, self.storage
