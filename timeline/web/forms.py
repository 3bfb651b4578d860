"""The timeline's filter form: its state is the page's query string."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import forms

from timeline.models import Actor, EventType
from timeline.web.key_dates import DEFAULT_COUNT, MAX_COUNT
from timeline.web.selectors import TimelineFilters

ROW_CHOICES = [("type", "event type"), ("actor", "actor")]


class TimelineFilterForm(forms.Form):
    type = forms.ChoiceField(required=False, label="Type", choices=[("", "All types"), *EventType.choices])
    actor = forms.ChoiceField(required=False, label="Actor or place")
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "words in titles, summaries, sources"}),
    )
    verified = forms.BooleanField(required=False, label="Verified only")
    rows = forms.ChoiceField(required=False, label="One row per", choices=ROW_CHOICES, initial="type")
    # How many key dates to show above the list (timeline.web.key_dates); 0 hides them.
    key_dates = forms.IntegerField(
        required=False,
        label="Key dates",
        min_value=0,
        max_value=MAX_COUNT,
        initial=DEFAULT_COUNT,
        widget=forms.NumberInput(attrs={"size": 3}),
    )
    # The chart's visible range, set by zooming (timeline.js); kept with the filters so a zoom is a link.
    start = forms.DateField(required=False, widget=forms.HiddenInput)
    end = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, actors: Iterable[Actor] = (), **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", "Anyone, anywhere"), *((a.slug, a.name) for a in actors)]

    def _valid(self, name: str) -> object:
        """A field's cleaned value, or its empty value when the field is missing or invalid."""
        if not self.is_bound:
            return self.fields[name].initial
        self.is_valid()
        return self.cleaned_data.get(name)

    def filters(self) -> TimelineFilters:
        """The filters this form asks for; an invalid field is ignored (and reported on the form)."""
        date_from, date_to = self._valid("date_from"), self._valid("date_to")
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        return TimelineFilters(
            event_type=self._valid("type") or "",
            actor=self._valid("actor") or "",
            date_from=date_from,
            date_to=date_to,
            text=(self._valid("q") or "").strip(),
            verified_only=bool(self._valid("verified")),
        )

    def zoom(self) -> tuple[date | None, date | None]:
        """The range the chart shows, when zoomed (either end may be open)."""
        start, end = self._valid("start"), self._valid("end")
        if start and end and start > end:
            start, end = end, start
        return start, end

    def key_date_count(self) -> int:
        """How many key dates the reader asked for (the default when unset or invalid)."""
        count = self._valid("key_dates")
        return DEFAULT_COUNT if count is None else int(count)

    def row_mode(self) -> str:
        """Whether the chart has one row per event type or per actor."""
        return self._valid("rows") or "type"
