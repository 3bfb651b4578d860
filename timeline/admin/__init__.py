"""The curation admin: importing the package registers every model admin."""

from timeline.admin import articles, events, jobs, login  # noqa: F401
