"""What the timeline stores: articles and their passages, the events they report, and who is involved.

An event is one real happening, backed by one or more mentions; a mention ties the event to the
exact passage (a sentence of an article, by character offsets) that reports it, and records the
date expression the event's date came from and how it was resolved.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from timeline.extraction.events.dating import DateBasis
from timeline.extraction.lexicon import event_types


class Precision(models.TextChoices):
    DAY = "day", "day"
    WEEK = "week", "week"
    MONTH = "month", "month"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"
    DECADE = "decade", "decade"
    UNKNOWN = "unknown", "unknown"


# The kinds of happening (lexicon.event_types), each its own label: EventType.MISSILE_TEST == "missile test".
EventType = models.TextChoices("EventType", [(t.upper().replace(" ", "_"), (t, t)) for t in event_types.EVENT_TYPES])


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    class DateSource(models.TextChoices):
        METADATA = "metadata", "given with the article (JSON field or HTML meta)"
        HEADER = "header", "read from the article's header lines"
        INFERRED = "inferred", "inferred from events shared with dated articles"
        CURATOR = "curator", "set by a curator"
        UNKNOWN = "unknown", "not known"

    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    publisher = models.ForeignKey(Publisher, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    published = models.DateField(
        null=True, blank=True, db_index=True, help_text="publication date, the anchor of relative dates"
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="publication time, where the source gives one")
    published_offset = models.SmallIntegerField(
        null=True, blank=True, help_text="minutes east of UTC of the publication time as the source gave it"
    )
    published_source = models.CharField(max_length=20, choices=DateSource.choices, default=DateSource.UNKNOWN)
    raw_text = models.TextField(help_text="the text as it was ingested")
    text = models.TextField(help_text="the cleaned article text; passage offsets point into it")
    dropped = models.JSONField(default=list, blank=True, help_text="lines removed by cleaning, with the reason")
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="hash of the normalised raw text (with the publisher, for another site's copy of a stored text)",
    )
    source_name = models.CharField(max_length=500, blank=True, help_text="the file it was ingested from")
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="an earlier article with nearly the same text",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "id"]
        indexes = [
            # Whether any article's date is unknown or inferred (ingest then stores one article at a time): a
            # small index of those articles alone.
            models.Index(
                fields=["published_source"],
                condition=models.Q(published_source__in=["unknown", "inferred"]),
                name="article_weak_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    @property
    def published_local(self) -> datetime | None:
        """The publication time on the publisher's own clock, as the source gave it (stored in UTC, with its offset
        kept apart): what the reading of the article was done against."""
        if self.published_at is None or self.published_offset is None:
            return self.published_at
        return self.published_at.astimezone(dt_timezone(timedelta(minutes=self.published_offset)))


def clause_in_passage(passage_start: int, passage_end: int, start: int | None, end: int | None) -> tuple[int, int]:
    """Offsets into a passage's text of a mention's clause given by article offsets (`start`, `end`): the whole
    passage when they are not known or do not lie inside it."""
    if start is None or end is None or not passage_start <= start < end <= passage_end:
        return 0, passage_end - passage_start
    return start - passage_start, end - passage_start


class Passage(models.Model):
    """A sentence of an article's cleaned text, located by character offsets."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField(help_text="position in the article, from 0; the anchor #passage-<index>")
    paragraph = models.PositiveIntegerField(default=0)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["article_id", "index"]
        constraints = [models.UniqueConstraint(fields=["article", "index"], name="passage_unique_index")]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.index}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#passage-{self.index}"


class Actor(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", "country"
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        PLACE = "place", "place"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActorAlias(models.Model):
    """Another name for an actor as it appears in text ("DPRK", "Pyongyang", "Kim Jong-un")."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    case_sensitive = models.BooleanField(default=False, help_text="match only with this exact capitalisation")

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "actor aliases"
        constraints = [models.UniqueConstraint(fields=["alias"], name="alias_unique")]

    def __str__(self) -> str:
        return f"{self.alias} → {self.actor}"


class Event(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "new"
        VERIFIED = "verified", "verified"
        REJECTED = "rejected", "rejected"

    # Fields a curator may lock; extraction never writes a locked field.
    LOCKABLE_FIELDS = ("title", "summary", "event_type", "date_start", "date_end", "precision", "actors", "places")

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    event_type = models.CharField(max_length=40, choices=EventType.choices, default=EventType.OTHER, db_index=True)
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True, db_index=True, help_text="inclusive")
    precision = models.CharField(max_length=10, choices=Precision.choices, default=Precision.UNKNOWN)
    date_disputed = models.BooleanField(default=False, help_text="sources disagree on the date")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    locked_fields = models.JSONField(default=list, blank=True, help_text="fields a curator fixed by hand")
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    places = models.ManyToManyField(Actor, blank=True, related_name="events_here")
    publisher_count = models.PositiveIntegerField(default=0, help_text="distinct publishers behind the event")
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="the event this one was merged into; its permalink redirects there",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(
        blank=True,
        default="",
        editable=False,
        help_text="title, summary and source passages in one text; kept by database triggers (timeline.web.search)",
    )
    search_vector = SearchVectorField(
        null=True, editable=False, help_text="the search text's lexemes (PostgreSQL only), kept by a trigger"
    )
    history = HistoricalRecords(excluded_fields=["updated_at", "search_text", "search_vector"])

    class Meta:
        ordering = ["date_start", "id"]
        indexes = [
            # The timeline reads public events (not rejected, not merged) by date, filtered by type.
            models.Index(
                fields=["date_start", "id"],
                condition=models.Q(merged_into__isnull=True) & ~models.Q(status="rejected"),
                name="event_public_date",
            ),
            models.Index(fields=["event_type", "date_start"], name="event_type_date"),
            # The key dates count public events per day, kind and publishers from this index alone (status and
            # merged_into are in it so that the database need not read the rows).
            models.Index(
                fields=["precision", "date_start", "event_type", "publisher_count", "status", "merged_into"],
                condition=models.Q(merged_into__isnull=True) & ~models.Q(status="rejected"),
                name="event_public_day_kind",
            ),
            models.Index(fields=["status", "date_start"], name="event_status_date"),
            # Ingest asks which events already show a title (a new event never takes another's title).
            models.Index(fields=["title"], name="event_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event_detail", args=[self.slug])

    def is_locked(self, field: str) -> bool:
        return field in (self.locked_fields or [])


# Where a mention's date comes from: extraction's DateBasis, with what each means to a curator.
DATE_BASIS_CHOICES = [
    (DateBasis.CLAUSE.value, "a time expression in the sentence itself"),
    (DateBasis.LEDE.value, "the opening of the report: its latest happening, the report's day"),
    (DateBasis.ELSEWHERE.value, "the same happening, dated elsewhere in the article"),
    (DateBasis.REPORT.value, "told in the simple past deeper in the report: the report's day"),
    (DateBasis.NONE.value, "no date"),
]


class Mention(models.Model):
    """One passage reporting an event, with the date expression the passage gives for it.

    What matching compares is stored here as extraction found it (speaker, actors, places, distinctive
    words, date basis): matching and event refresh read these facts, never the passage text again.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="mentions")
    merged_from = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions_merged_away",
        help_text="the event this mention belonged to before a merge moved it (an unmerge moves it back)",
    )
    date_text = models.CharField(max_length=200, blank=True, help_text="the expression the date came from")
    date_value = models.CharField(max_length=40, blank=True, help_text="TIMEX3 value")
    date_rule = models.CharField(max_length=80, blank=True, help_text="the rule that resolved the expression")
    date_anchor = models.DateField(null=True, blank=True, help_text="the date the expression was resolved against")
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, default=Precision.UNKNOWN)
    event_type = models.CharField(max_length=40, choices=EventType.choices, default=EventType.OTHER)
    title = models.CharField(max_length=300, blank=True, help_text="the headline written from this passage")
    date_basis = models.CharField(max_length=12, choices=DATE_BASIS_CHOICES, blank=True, default="")
    speaker = models.CharField(max_length=200, blank=True, default="", help_text="who a statement is attributed to")
    actors = models.JSONField(default=list, blank=True, help_text="actors the passage names (gazetteer names)")
    places = models.JSONField(default=list, blank=True, help_text="places the passage names")
    keywords = models.JSONField(default=list, blank=True, help_text="the passage's content words, stemmed")
    start = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="where the clause that tells the event starts in the article's text (empty: the whole passage)",
    )
    end = models.PositiveIntegerField(null=True, blank=True, help_text="where that clause ends")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["passage__article_id", "passage__index"]
        constraints = [models.UniqueConstraint(fields=["event", "passage"], name="mention_unique_passage")]

    def __str__(self) -> str:
        return f"{self.event_id} ← {self.passage}"

    @property
    def clause(self) -> tuple[int, int]:
        """The offsets, into the passage's text, of the clause that tells the event: the whole passage when the
        sentence tells one happening (or the clause is not known)."""
        return clause_in_passage(self.passage.start, self.passage.end, self.start, self.end)

    @property
    def text(self) -> str:
        """The words that report the event: the clause of the passage that tells it."""
        start, end = self.clause
        return self.passage.text[start:end]

    @property
    def in_context(self) -> tuple[str, str, str]:
        """The passage as (before, clause, after): the clause that tells the event within its sentence."""
        start, end = self.clause
        text = self.passage.text
        return text[:start], text[start:end], text[end:]


class DateReference(models.Model):
    """A day an article names by a date expression ("on February 1", "since Tuesday's vote"), resolved against
    its publication date: what the key dates count when later reports look back at a day. One row per article
    and day, pointing at the first sentence that names it."""

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="date_references")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="date_references", help_text="the passage's article"
    )
    day = models.DateField()
    text = models.CharField(max_length=200, help_text="the date expression")
    sentences = models.PositiveIntegerField(default=1, help_text="sentences of the article that name the day")
    lag = models.IntegerField(
        null=True, blank=True, help_text="days from the day to the article's publication (null: undated article)"
    )

    class Meta:
        ordering = ["day", "article_id"]
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="datereference_unique_day")]
        # per-day counts of news and look-backs read this index alone
        indexes = [models.Index(fields=["day", "lag"], name="datereference_day_lag")]

    def __str__(self) -> str:
        return f"{self.day} ← {self.passage_id}: {self.text}"


class PendingHappening(models.Model):
    """A happening an article without a publication date reports, kept as matching needs it.

    When new events arrive, these facts (not the article's text) are compared with them to date the article;
    the article is read again only when its inferred date changes.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="pending_happenings")
    event_type = models.CharField(max_length=40, choices=EventType.choices, default=EventType.OTHER)
    actors = models.JSONField(default=list, blank=True)
    speakers = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True, help_text="its passages' content words, stemmed")
    date_start = models.DateField(null=True, blank=True, help_text="a date its own sentences give, if any")
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, default=Precision.UNKNOWN)

    class Meta:
        ordering = ["article_id", "id"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.event_type}"


class TallyCount(models.Model):
    """What every tally row counts by: the events' review status and whether they were merged away."""

    status = models.CharField(max_length=10, choices=Event.Status.choices)
    merged = models.BooleanField(default=False)
    count = models.IntegerField(default=0)

    class Meta:
        abstract = True


class EventTally(TallyCount):
    """How many events start in a period, per type, status and merged state.

    Kept exact by database triggers on the event table (migration
    ``0003_event_tally_triggers``), so the timeline draws binned counts over decades without
    reading every event. ``period`` is the first day of the period: a day, or the first of a month.
    """

    class PeriodKind(models.TextChoices):
        DAY = "day", "day"
        MONTH = "month", "month"

    period_kind = models.CharField(max_length=5, choices=PeriodKind.choices)
    period = models.DateField()
    event_type = models.CharField(max_length=40, choices=EventType.choices)

    class Meta:
        ordering = ["period_kind", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_kind", "period", "event_type", "status", "merged"], name="eventtally_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_kind} {self.period} {self.event_type}/{self.status}: {self.count}"


class ActorTally(TallyCount):
    """How many events name an actor (as actor or place), per event status and merged state.

    Kept exact by triggers on the event-actor and event-place tables and on event status changes
    (migration ``0011_actor_tally_triggers``): the filter's actor choices read it instead of
    joining every event's actors.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="tallies", db_constraint=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["actor", "status", "merged"], name="actortally_unique_key")]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.status}: {self.count}"


class ActorYearTally(TallyCount):
    """How many events name an actor (as an actor, not a place) per year the event starts in, by status.

    Kept exact by triggers (migration ``0012_actor_year_tally``): the whole timeline with one row per
    actor reads a few thousand of these rows instead of every event's actors.
    """

    year = models.DateField(help_text="1 January of the year")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="year_tallies", db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "actor", "status", "merged"], name="actoryeartally_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.year:%Y} {self.actor_id} {self.status}: {self.count}"


class ActorMonthTally(TallyCount):
    """How many events name an actor (as an actor, a place or both: counted once) per month they start in.

    Kept exact by triggers on the event-actor and event-place tables and on event changes (migration
    ``0017_actor_month_tally``): the whole timeline filtered on an actor counts its events from these
    rows instead of joining every event of the actor.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="month_tallies", db_constraint=False)
    month = models.DateField(help_text="first day of the month")
    event_type = models.CharField(max_length=40, choices=EventType.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "month", "event_type", "status", "merged"], name="actormonthtally_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.month:%Y-%m} {self.event_type}/{self.status}: {self.count}"


class TermMonthTally(TallyCount):
    """How many events hold a search term (an English text search lexeme) per month they start in.

    Kept exact by PostgreSQL triggers on the event table (migration ``0016_term_month_tally``), from
    ``Event.search_text``: the whole timeline searched for one word counts its matches from a few
    hundred of these rows instead of reading every matching event. Empty on SQLite, which searches
    by substring and never reads it.
    """

    lexeme = models.TextField()
    month = models.DateField(help_text="first day of the month")
    event_type = models.CharField(max_length=40, choices=EventType.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["lexeme", "month", "event_type", "status", "merged"], name="termmonthtally_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.lexeme} {self.month:%Y-%m} {self.event_type}/{self.status}: {self.count}"


class IngestJob(models.Model):
    """A large ingest running in the background: what it reads and how far it got."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    paths = models.JSONField(default=list, help_text="the files to ingest")
    total = models.PositiveIntegerField(default=0, help_text="files to read")
    processed = models.PositiveIntegerField(default=0, help_text="files read so far")
    created = models.PositiveIntegerField(default=0, help_text="new articles")
    duplicates = models.PositiveIntegerField(default=0, help_text="files whose text was already ingested")
    rejected = models.PositiveIntegerField(default=0, help_text="files refused, with the reason in errors")
    errors = models.JSONField(default=list, blank=True, help_text="[{'file': ..., 'reason': ...}]")
    task_id = models.CharField(max_length=64, blank=True, help_text="the background task running this job")
    worker = models.CharField(max_length=300, blank=True, help_text="host:pid of the worker running it")
    heartbeat = models.DateTimeField(null=True, blank=True, help_text="when the worker last finished a file")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Ingest #{self.pk}: {self.processed}/{self.total} files ({self.status})"

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0
