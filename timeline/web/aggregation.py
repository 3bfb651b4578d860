"""Server-side binning: when the range in view holds too many events to draw one by one, count them per period.

The timeline asks only for what is visible. With at most ``MAX_MARKS`` events in the range, it draws
them one by one; beyond that it draws one mark per (period, row) with the number of events, choosing
years, months, weeks or days so that the marks stay few and the figure small at every zoom level.
Zooming in narrows the range until single events show.

Counts by event type come from EventTally (kept exact by triggers), so the 30-year view of a million
events reads a few thousand tally rows instead of every event. A search for one word over the
whole timeline (on PostgreSQL) reads TermMonthTally; the whole timeline filtered on an actor reads
ActorMonthTally. What the tallies do not cover (zoomed filtered views, other text searches, an actor
with a text, one row per actor) falls back to one aggregate query over the events, with date
truncation and a count grouped by row key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncDay, TruncMonth, TruncWeek, TruncYear

from timeline.models import Actor, ActorMonthTally, ActorYearTally, Event, EventTally, TermMonthTally
from timeline.web.charts import CONFIG, HOVER_LABEL, TYPE_LABELS, timeline_layout

# About 200 bytes of figure JSON per event drawn: 1,000 keeps the figure near 200 KB at most.
MAX_MARKS = 1000
# A unit is chosen when the range spans more than this many days (checked in order).
UNITS = (("year", 6 * 366), ("month", 270), ("week", 45), ("day", -1))
TRUNC = {"year": TruncYear, "month": TruncMonth, "week": TruncWeek, "day": TruncDay}
# A range is drawn and counted within these days, so that every period's end and the day after it exist.
FIRST_DRAWABLE = date(1, 2, 1)
LAST_DRAWABLE = date(9999, 11, 30)


@dataclass(frozen=True)
class Bin:
    start: date
    end: date  # inclusive
    row: str
    count: int


@dataclass(frozen=True)
class Binned:
    unit: str
    bins: list[Bin]
    counts_events: bool = True  # False when an event may count in several rows (one row per actor)
    events_total: int | None = None  # the number of events counted, when known apart from the bins

    @property
    def events(self) -> int | None:
        """How many events the bins count, or None when unknown (an event may sit in several rows)."""
        if self.events_total is not None:
            return self.events_total
        return self.total if self.counts_events else None

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bins)


def bin_unit(start: date, end: date) -> str:
    """The period to count by for a range in view: years over decades, down to days over a few weeks (or one day)."""
    span = (end - start).days
    return next(unit for unit, longer_than in UNITS if span > longer_than)


def period_start(day: date, unit: str) -> date:
    if unit == "year":
        return day.replace(month=1, day=1)
    if unit == "month":
        return day.replace(day=1)
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day


def period_end(start: date, unit: str) -> date:
    """The last day of the period that begins on ``start``."""
    if unit == "year":
        return start.replace(month=12, day=31)
    if unit == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=6)
    return start


def _as_date(value: object) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value  # TruncX gives a datetime


def full_months(start: date, end: date) -> tuple[date, date]:
    """The first day of the first whole month in [start, end] and the day after the last whole one."""
    first_full = start if start.day == 1 else period_end(start, "month") + timedelta(days=1)
    after_last_full = end + timedelta(days=1) if period_end(end, "month") == end else end.replace(day=1)
    return first_full, after_last_full


def tally_counts(
    *, start: date, end: date, unit: str, statuses: list[str], event_type: str = ""
) -> dict[tuple[date, str], int]:
    """Counts of events starting in [start, end] per (period, type label), from the tallies.

    Whole months inside the range come from month tallies (year and month bins), the rest from day
    tallies: the days of months cut by the range's edges, or every day for week and day bins.
    """
    days = Q(period_kind=EventTally.PeriodKind.DAY, period__gte=start, period__lte=end)
    if unit in ("year", "month"):
        first_full, after_last_full = full_months(start, end)
        if first_full < after_last_full:
            months = Q(period_kind=EventTally.PeriodKind.MONTH, period__gte=first_full, period__lt=after_last_full)
            edges = Q(period__lt=first_full) | Q(period__gte=after_last_full)
            days = months | (days & edges)
    rows = EventTally.objects.filter(days, status__in=statuses, merged=False)
    return _counts_by_period_and_type(rows, "period", unit=unit, event_type=event_type)


def _counts_by_period_and_type(
    rows: QuerySet, period_field: str, *, unit: str, event_type: str
) -> dict[tuple[date, str], int]:
    """Tally rows summed per (bin of `unit`, type label), of one type when `event_type` is given."""
    if event_type:
        rows = rows.filter(event_type=event_type)
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for period, event_type_value, n in (
        rows.values_list(period_field, "event_type").annotate(n=Sum("count")).filter(n__gt=0).order_by()
    ):
        counts[(period_start(period, unit), TYPE_LABELS.get(event_type_value, event_type_value))] += n
    return counts


def actor_year_counts(*, start: date, end: date, statuses: list[str]) -> dict[tuple[date, str], int]:
    """Counts per (year, actor name) of events starting in the years of [start, end], from the tallies.

    Exact when the range holds every event of its first and last years (the whole timeline).
    """
    rows = (
        ActorYearTally.objects.filter(
            year__gte=start.replace(month=1, day=1), year__lte=end, status__in=statuses, merged=False
        )
        .values_list("year", "actor_id")
        .annotate(n=Sum("count"))
        .filter(n__gt=0)
        .order_by()
    )
    found = list(rows)
    names = dict(Actor.objects.filter(pk__in={actor for _, actor, _ in found}).values_list("pk", "name"))
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for year, actor, n in found:
        counts[(year, names.get(actor, "(no actor named)"))] += n
    return counts


def month_tally_counts(
    *,
    start: date,
    end: date,
    unit: str,
    statuses: list[str],
    lexeme: str = "",
    actor: str = "",
    event_type: str = "",
) -> dict[tuple[date, str], int]:
    """Counts per (period, type label) of events holding the search term ``lexeme`` (TermMonthTally) or
    naming the actor of slug ``actor`` (ActorMonthTally), from the month tallies.

    For year and month bins; exact when the range holds every event of its first and last months
    (the whole timeline).
    """
    months = {"month__gte": start.replace(day=1), "month__lte": end, "status__in": statuses, "merged": False}
    if lexeme:
        rows = TermMonthTally.objects.filter(lexeme=lexeme, **months)
    else:
        rows = ActorMonthTally.objects.filter(actor__slug=actor, **months)
    return _counts_by_period_and_type(rows, "month", unit=unit, event_type=event_type)


def live_counts(
    *, events: QuerySet[Event], start: date, end: date, unit: str, rows: str, whole: bool = False
) -> dict[tuple[date, str], int]:
    """Counts per (period, row) in one aggregate query over the events (date truncation + count).

    With ``whole`` (the range is the whole timeline: every dated public event starts in it), the range
    is not spelled out: a filter no index serves (a substring search on SQLite) then scans the table
    once instead of fetching nearly every row through the date index.
    """
    key = F("actors__name") if rows == "actor" else F("event_type")
    in_range = ~Q(date_start=None) if whole else Q(date_start__gte=start, date_start__lte=end)
    query = (
        events.filter(in_range)
        .order_by()
        .annotate(period=TRUNC[unit]("date_start"), row=key)
        .values("period", "row")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for item in query:
        row = item["row"] if rows == "actor" else TYPE_LABELS.get(item["row"], item["row"])
        counts[(_as_date(item["period"]), row or "(no actor named)")] += item["n"]
    return counts


def _bins(counts: dict[tuple[date, str], int], unit: str, counts_events: bool = True) -> Binned:
    bins = [Bin(start=p, end=period_end(p, unit), row=row, count=n) for (p, row), n in sorted(counts.items())]
    return Binned(unit=unit, bins=bins, counts_events=counts_events)


def tallies_cover(*, actor: str, text: str, rows: str) -> bool:
    """Whether the tallies can answer: they count by type and status only."""
    return not actor and not text.strip() and rows != "actor"


def events_binned(
    *,
    events: QuerySet[Event],
    start: date,
    end: date,
    rows: str = "type",
    use_tallies: bool = False,
    event_type: str = "",
    verified_only: bool = False,
    max_marks: int = MAX_MARKS,
    actor_year_tallies: bool = False,
    term: str | None = None,
    actor: str = "",
    whole: bool = False,
) -> Binned | None:
    """The events of ``events`` starting in [start, end] counted per period, or None when few enough to draw.

    ``events`` is the filtered public queryset; with ``use_tallies`` (see ``tallies_cover``) the
    counts come from EventTally under the same type/verified filters instead of reading the events.
    With ``actor_year_tallies`` (the whole timeline, one row per actor, no filter but verified), yearly
    counts per actor come from ActorYearTally. With ``term`` (the whole timeline searched for one
    lexeme on PostgreSQL, see ``search.single_term``), monthly counts come from TermMonthTally; with
    ``actor`` (filtered on that actor's slug, no text), from ActorMonthTally. Both count whole months
    from the tallies and the days of months cut by the range's edges live, unless ``whole`` says the
    range is the whole timeline (no event lies outside it, so its edge months are whole for the counts).
    """
    unit = bin_unit(start, end)
    statuses = [Event.Status.VERIFIED] if verified_only else [Event.Status.NEW, Event.Status.VERIFIED]
    if actor_year_tallies and rows == "actor" and unit == "year":
        total = sum(tally_counts(start=start, end=end, unit=unit, statuses=statuses).values())
        if total <= max_marks:
            return None
        counts = actor_year_counts(start=start, end=end, statuses=statuses)
        return Binned(unit=unit, bins=_bins(counts, unit).bins, counts_events=False, events_total=total)
    first_full, after_last_full = (start, end + timedelta(days=1)) if whole else full_months(start, end)
    if (term or actor) and rows != "actor" and unit in ("year", "month") and first_full < after_last_full:
        counts = month_tally_counts(
            start=first_full,
            end=after_last_full - timedelta(days=1),
            unit=unit,
            statuses=statuses,
            lexeme=term or "",
            actor=actor,
            event_type=event_type,
        )
        for low, high in ((start, first_full - timedelta(days=1)), (after_last_full, end)):
            if low <= high:  # a month cut by the range's edge: its days in range, counted live
                for key, n in live_counts(events=events, start=low, end=high, unit=unit, rows=rows).items():
                    counts[key] += n
        if sum(counts.values()) <= max_marks:
            return None
        return _bins(counts, unit)
    if use_tallies:
        counts = tally_counts(start=start, end=end, unit=unit, statuses=statuses, event_type=event_type)
        if sum(counts.values()) <= max_marks:
            return None
        return _bins(counts, unit)
    # One aggregate answers both questions (how many, and how they spread): the filters that need it
    # (actor, text) are costly to evaluate twice.
    counts = live_counts(events=events, start=start, end=end, unit=unit, rows=rows, whole=whole)
    if sum(counts.values()) <= max_marks:
        return None
    return _bins(counts, unit, rows != "actor")


def tally_bounds() -> tuple[date | None, date | None]:
    """The first and last day on which a public event starts, from the day tallies."""
    days = EventTally.objects.filter(
        period_kind=EventTally.PeriodKind.DAY,
        status__in=[Event.Status.NEW, Event.Status.VERIFIED],
        merged=False,
        count__gt=0,
    )
    first = days.order_by("period").values_list("period", flat=True).first()
    last = days.order_by("-period").values_list("period", flat=True).first()
    return first, last


MAX_ROWS = 30
OTHER_ROWS = "(other actors)"
BIN_COLOUR = "#23577a"
BIN_HOVER = "<b>%{customdata[2]} events</b><br>%{customdata[3]}<extra>%{y}</extra>"
UNIT_LABEL = {"year": "%Y", "month": "%B %Y", "week": "week of %d %b %Y", "day": "%d %b %Y"}


def _capped_rows(binned: Binned, max_rows: int) -> list[Bin]:
    """The bins with the rows beyond the ``max_rows`` busiest folded into one row."""
    totals: dict[str, int] = defaultdict(int)
    for b in binned.bins:
        totals[b.row] += b.count
    if len(totals) <= max_rows:
        return binned.bins
    keep = set(sorted(totals, key=lambda r: (-totals[r], r))[: max_rows - 1])
    folded: dict[tuple[date, str], int] = defaultdict(int)
    for b in binned.bins:
        folded[(b.start, b.row if b.row in keep else OTHER_ROWS)] += b.count
    return [Bin(start=p, end=period_end(p, binned.unit), row=r, count=n) for (p, r), n in sorted(folded.items())]


def binned_figure(*, binned: Binned, start: date, end: date, max_rows: int = MAX_ROWS) -> dict:
    """The figure for counted events: one mark per (period, row), its area growing with the count.

    Marks carry [period start, period end, count, label] in customdata and the trace is tagged
    ``meta: "bins"``, so a click zooms into the period instead of opening an event.
    """
    bins = _capped_rows(binned, max_rows)
    row_names = sorted({b.row for b in bins} - {OTHER_ROWS}, key=str.casefold)
    if any(b.row == OTHER_ROWS for b in bins):
        row_names.append(OTHER_ROWS)
    largest = max((b.count for b in bins), default=1)
    x, y, sizes, customdata = [], [], [], []
    for b in bins:
        middle = b.start + (b.end - b.start) / 2
        x.append(middle.isoformat())
        y.append(b.row)
        sizes.append(round(6 + 26 * (b.count / largest) ** 0.5, 1))
        customdata.append([b.start.isoformat(), b.end.isoformat(), b.count, b.start.strftime(UNIT_LABEL[binned.unit])])
    layout = timeline_layout(row_names=row_names).to_plotly_json()
    layout["hoverlabel"] = HOVER_LABEL
    layout.pop("template", None)
    layout["xaxis"]["range"] = [start.isoformat(), (end + timedelta(days=1)).isoformat()]
    layout["showlegend"] = True
    trace = {
        "type": "scatter",
        "mode": "markers",
        "name": f"Events per {binned.unit} (click or zoom in for single events)",
        "meta": "bins",
        "x": x,
        "y": y,
        "customdata": customdata,
        "hovertemplate": BIN_HOVER,
        "marker": {"size": sizes, "color": BIN_COLOUR, "opacity": 0.75, "line": {"width": 0}},
    }
    return {"data": [trace], "layout": layout, "config": CONFIG}
