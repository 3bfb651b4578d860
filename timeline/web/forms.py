"""The timeline's filter form: its state is the page's query string.

From and To are the one range of the timeline: typed in the fields, or set by zooming the chart (timeline.js
writes the zoom into them). Older links that carry the zoom as ``start``/``end`` open the same range.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.http import QueryDict

from timeline.models import Actor, EventType
from timeline.web.key_dates import DEFAULT_COUNT, MAX_COUNT
from timeline.web.selectors import TimelineFilters

ROW_CHOICES = [("type", "event type"), ("actor", "actor")]
RANGE_ALIASES = {"start": "date_from", "end": "date_to"}
TRUE_WORDS = {"on", "1", "true", "yes"}
FALSE_WORDS = {"", "off", "0", "false", "no"}


class OnOffCheckbox(forms.CheckboxInput):
    """A check box that hands the field the word it was sent, so the field can refuse an odd one."""

    def value_from_datadict(self, data: object, files: object, name: str) -> object:
        return data.get(name, "")


class OnOffField(forms.BooleanField):
    """A check box that accepts on/off words only: any other value is an error the page shows."""

    widget = OnOffCheckbox

    def to_python(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        word = str(value or "").strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise forms.ValidationError(f"“{str(value)[:40]}” is neither on nor off.", code="invalid")


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
    verified = OnOffField(required=False, label="Verified only")
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

    def __init__(self, data: QueryDict | None = None, *, actors: Iterable[Actor] = (), **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        if data is not None:
            data = data.copy()
            for old, new in RANGE_ALIASES.items():  # a zoom link of the older form
                if data.get(old, "").strip() and not data.get(new, "").strip():
                    data[new] = data[old]
                data.pop(old, None)
        super().__init__(data, **kwargs)
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

    def problems(self) -> list[str]:
        """What was wrong with the query, said for a reader: each ignored field by its label."""
        if not self.is_bound or self.is_valid():
            return []
        return [f"{self.fields[name].label}: {' '.join(errors)}" for name, errors in self.errors.items()]

    def key_date_count(self) -> int:
        """How many key dates the reader asked for (the default when unset or invalid)."""
        count = self._valid("key_dates")
        return DEFAULT_COUNT if count is None else int(count)

    def row_mode(self) -> str:
        """Whether the chart has one row per event type or per actor."""
        return self._valid("rows") or "type"
