"""Synthetic events for benchmarks and load tests (never for the demo).

`events_generate` writes N events with the rows that back them: publishers, articles split into
passages, mentions tying each event to one or more passages, and actors (a fixed set of real
countries, people and organisations plus invented ones). Dates spread over thirty years with more
news in recent years, precisions and statuses vary as they do in curated data. Everything is
written with bulk_create in batches, so a million events take minutes, not hours.

Synthetic articles are marked by `source_name` starting with SOURCE_PREFIX, so they can be removed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection, transaction
from django.utils.text import slugify

from timeline.models import Actor, Article, DateReference, Event, EventType, Mention, Passage, Precision, Publisher

SOURCE_PREFIX = "synthetic:"
YEARS = 30

REAL_ACTORS: tuple[tuple[str, str], ...] = (
    ("United States", Actor.Kind.COUNTRY),
    ("China", Actor.Kind.COUNTRY),
    ("Russia", Actor.Kind.COUNTRY),
    ("North Korea", Actor.Kind.COUNTRY),
    ("South Korea", Actor.Kind.COUNTRY),
    ("Japan", Actor.Kind.COUNTRY),
    ("Iran", Actor.Kind.COUNTRY),
    ("Israel", Actor.Kind.COUNTRY),
    ("Ukraine", Actor.Kind.COUNTRY),
    ("India", Actor.Kind.COUNTRY),
    ("Pakistan", Actor.Kind.COUNTRY),
    ("Taiwan", Actor.Kind.COUNTRY),
    ("Turkey", Actor.Kind.COUNTRY),
    ("France", Actor.Kind.COUNTRY),
    ("Germany", Actor.Kind.COUNTRY),
    ("United Kingdom", Actor.Kind.COUNTRY),
    ("NATO", Actor.Kind.ORGANISATION),
    ("United Nations", Actor.Kind.ORGANISATION),
    ("European Union", Actor.Kind.ORGANISATION),
    ("African Union", Actor.Kind.ORGANISATION),
    ("IAEA", Actor.Kind.ORGANISATION),
    ("UN Security Council", Actor.Kind.ORGANISATION),
    ("Kim Jong Un", Actor.Kind.PERSON),
    ("Xi Jinping", Actor.Kind.PERSON),
    ("Vladimir Putin", Actor.Kind.PERSON),
    ("Volodymyr Zelensky", Actor.Kind.PERSON),
    ("Narendra Modi", Actor.Kind.PERSON),
    ("Recep Tayyip Erdogan", Actor.Kind.PERSON),
    ("Pyongyang", Actor.Kind.PLACE),
    ("Seoul", Actor.Kind.PLACE),
    ("Beijing", Actor.Kind.PLACE),
    ("Moscow", Actor.Kind.PLACE),
    ("Kyiv", Actor.Kind.PLACE),
    ("Tehran", Actor.Kind.PLACE),
    ("Geneva", Actor.Kind.PLACE),
    ("Brussels", Actor.Kind.PLACE),
    ("Yellow Sea", Actor.Kind.PLACE),
    ("Black Sea", Actor.Kind.PLACE),
    ("South China Sea", Actor.Kind.PLACE),
    ("Strait of Hormuz", Actor.Kind.PLACE),
)

_SYLLABLES = ("va", "lor", "ten", "mar", "is", "ko", "dra", "bel", "sun", "rho", "tal", "gen", "os", "ira", "no", "ve")
_PUBLISHER_WORDS = ("Daily", "Herald", "Wire", "Courier", "Post", "Times", "Observer", "Monitor", "Dispatch", "Review")

# Title templates per event type: {a} is the main actor, {b} a second actor, {p} a place.
TEMPLATES: dict[str, tuple[str, ...]] = {
    EventType.MISSILE_TEST: ("{a} test-fires ballistic missile toward {p}", "{a} launches cruise missiles off {p}"),
    EventType.TROOP_DEPLOYMENT: ("{a} moves troops to {p}", "{a} sends extra brigades near {p}"),
    EventType.DIPLOMATIC_MEETING: ("{a} and {b} leaders meet in {p}", "{a} envoy holds talks with {b} in {p}"),
    EventType.STATEMENT: ("{a} warns {b} over {p}", "{a} condemns {b} actions near {p}"),
    EventType.SANCTIONS: ("{a} imposes sanctions on {b}", "{a} widens export ban against {b}"),
    EventType.ATTACK: ("Strike hits {p}; {a} blames {b}", "{a} forces shell positions near {p}"),
    EventType.AGREEMENT: ("{a} and {b} sign accord in {p}", "{a} and {b} agree ceasefire terms"),
    EventType.ELECTION: ("{a} holds national election", "Voters in {a} elect a new parliament"),
    EventType.MILITARY_EXERCISE: ("{a} and {b} stage joint drills near {p}", "{a} navy exercises in {p}"),
    EventType.OTHER: ("{a} reports incident near {p}", "{a} and {b} exchange prisoners in {p}"),
}
_TYPE_WEIGHTS = (6, 5, 12, 25, 7, 10, 6, 4, 8, 17)  # in the order of EventType
_PRECISIONS = (
    (Precision.DAY, 62),
    (Precision.WEEK, 6),
    (Precision.MONTH, 14),
    (Precision.QUARTER, 3),
    (Precision.YEAR, 9),
    (Precision.DECADE, 1),
    (Precision.UNKNOWN, 5),
)
_STATUSES = ((Event.Status.NEW, 70), (Event.Status.VERIFIED, 25), (Event.Status.REJECTED, 5))


@dataclass
class GenerateResult:
    events: int = 0
    mentions: int = 0
    passages: int = 0
    articles: int = 0
    actors: int = 0
    publishers: int = 0


def _invented_name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def actors_ensure(*, rng: random.Random, invented: int = 160) -> list[Actor]:
    """The real actors plus `invented` made-up ones, created where missing; returns them all."""
    wanted: dict[str, str] = dict(REAL_ACTORS)
    kinds = (Actor.Kind.COUNTRY, Actor.Kind.PERSON, Actor.Kind.ORGANISATION, Actor.Kind.PLACE)
    while len(wanted) < len(REAL_ACTORS) + invented:
        kind = rng.choice(kinds)
        base = _invented_name(rng, rng.randint(2, 3))
        name = {
            Actor.Kind.COUNTRY: f"Republic of {base}",
            Actor.Kind.PERSON: f"{_invented_name(rng, 2)} {base}",
            Actor.Kind.ORGANISATION: f"{base} Defence Council",
            Actor.Kind.PLACE: f"Port {base}",
        }[kind]
        wanted.setdefault(name, kind)
    existing = set(Actor.objects.filter(name__in=wanted).values_list("name", flat=True))
    Actor.objects.bulk_create(
        [Actor(name=n, slug=slugify(n)[:200], kind=k) for n, k in wanted.items() if n not in existing],
        ignore_conflicts=True,
    )
    return list(Actor.objects.filter(name__in=wanted))


def publishers_ensure(*, rng: random.Random, count: int = 60) -> list[Publisher]:
    names: set[str] = set()
    while len(names) < count:
        names.add(f"The {_invented_name(rng, 2)} {rng.choice(_PUBLISHER_WORDS)}")
    Publisher.objects.bulk_create(
        [Publisher(name=n, domain=f"{slugify(n)}.example") for n in sorted(names)], ignore_conflicts=True
    )
    return list(Publisher.objects.filter(name__in=names))


def _random_day(rng: random.Random, first: dt.date, span_days: int) -> dt.date:
    # More news in recent years: the square root of a uniform draw leans towards the end.
    return first + dt.timedelta(days=int(span_days * rng.random() ** 0.6))


def date_range_for(day: dt.date, precision: str) -> tuple[dt.date | None, dt.date | None]:
    """The inclusive range an event dated `day` with `precision` covers."""
    if precision == Precision.DAY:
        return day, day
    if precision == Precision.WEEK:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if precision == Precision.MONTH:
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == Precision.QUARTER:
        first_month = 3 * ((day.month - 1) // 3) + 1
        last = first_month + 2
        return dt.date(day.year, first_month, 1), dt.date(day.year, last, calendar.monthrange(day.year, last)[1])
    if precision == Precision.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == Precision.DECADE:
        first_year = day.year - day.year % 10
        return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)
    return None, None


class _Batch:
    """Builds one batch of rows in memory, then writes it with bulk_create."""

    def __init__(self, rng: random.Random, actors: list[Actor], publishers: list[Publisher], run: str) -> None:
        self.rng = rng
        self.run = run
        self.places = [a for a in actors if a.kind == Actor.Kind.PLACE]
        self.parties = [a for a in actors if a.kind != Actor.Kind.PLACE]
        # A few actors dominate the news: weights fall off with rank.
        self.party_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(self.parties))]
        self.publishers = publishers
        self.types = list(EventType.values)
        self.precisions, self.precision_weights = zip(*_PRECISIONS, strict=True)
        self.statuses, self.status_weights = zip(*_STATUSES, strict=True)

    def write(self, first_index: int, count: int, first_day: dt.date, span_days: int) -> GenerateResult:
        rng = self.rng
        specs = []
        for i in range(first_index, first_index + count):
            a, b = rng.choices(self.parties, weights=self.party_weights, k=2)
            if a == b:
                b = rng.choice(self.parties)
            place = rng.choice(self.places)
            event_type = rng.choices(self.types, weights=_TYPE_WEIGHTS)[0]
            title = rng.choice(TEMPLATES[event_type]).format(a=a.name, b=b.name, p=place.name)
            day = _random_day(rng, first_day, span_days)
            precision = rng.choices(self.precisions, weights=self.precision_weights)[0]
            specs.append((i, a, b, place, event_type, title, day, precision, 1 + int(rng.random() ** 3 * 4)))

        # Articles: each reports a few events, one sentence per mention.
        articles: list[Article] = []
        sentences: list[list[tuple[int, str]]] = []  # per article: (spec position, sentence)
        pending = [(pos, n) for pos, spec in enumerate(specs) for n in range(spec[8])]
        rng.shuffle(pending)
        while pending:
            size = rng.randint(3, 7)
            take, pending = pending[:size], pending[size:]
            lines = []
            for pos, _ in take:
                _, a, b, place, event_type, title, day, precision, _ = specs[pos]
                lines.append((pos, f"{title} on {day:%d %B %Y}, officials said, citing reports from {place.name}."))
            text = " ".join(s for _, s in lines)
            latest = max(specs[pos][6] for pos, _ in take)
            published = latest + dt.timedelta(days=rng.randint(0, 3))
            publisher = rng.choice(self.publishers)
            digest = hashlib.sha256(f"{self.run}:{len(articles)}:{first_index}:{text}".encode()).hexdigest()
            articles.append(
                Article(
                    title=specs[take[0][0]][5],
                    url=f"https://{publisher.domain}/{published:%Y/%m}/{digest[:12]}",
                    publisher=publisher,
                    published=published,
                    published_source=Article.DateSource.METADATA,
                    raw_text=text,
                    text=text,
                    content_hash=digest,
                    source_name=f"{SOURCE_PREFIX}{self.run}",
                )
            )
            sentences.append(lines)
        Article.objects.bulk_create(articles)

        passages: list[Passage] = []
        passage_of: list[tuple[int, Passage]] = []
        for article, lines in zip(articles, sentences, strict=True):
            offset = 0
            for index, (pos, sentence) in enumerate(lines):
                p = Passage(article=article, index=index, start=offset, end=offset + len(sentence), text=sentence)
                passages.append(p)
                passage_of.append((pos, p))
                offset += len(sentence) + 1
        Passage.objects.bulk_create(passages)
        # Each sentence names its event's day ("... on 04 March 2021"), as the key dates read it.
        first_naming: dict[tuple[int, dt.date], DateReference] = {}
        for pos, p in passage_of:
            day = specs[pos][6]
            ref = first_naming.get((p.article.pk, day))
            if ref is not None:
                ref.sentences += 1
                continue
            lag = (p.article.published - day).days
            first_naming[(p.article.pk, day)] = DateReference(
                passage=p, article=p.article, day=day, text=f"{day:%d %B %Y}", lag=lag
            )
        DateReference.objects.bulk_create(first_naming.values())

        publisher_sets: dict[int, set[int]] = {}
        for pos, passage in passage_of:
            publisher_sets.setdefault(pos, set()).add(passage.article.publisher_id)
        events: list[Event] = []
        for pos, (i, a, b, place, event_type, title, day, precision, _) in enumerate(specs):
            start, end = date_range_for(day, precision)
            events.append(
                Event(
                    slug=f"{slugify(title)[:90]}-{self.run}-{i}",
                    title=title,
                    summary=f"{a.name} and {b.name}: {event_type} reported near {place.name} around {day:%B %Y}.",
                    event_type=event_type,
                    date_start=start,
                    date_end=end,
                    precision=precision,
                    status=rng.choices(self.statuses, weights=self.status_weights)[0],
                    publisher_count=len(publisher_sets.get(pos, ())),
                )
            )
        Event.objects.bulk_create(events)

        mentions = []
        for pos, passage in passage_of:
            event = events[pos]
            day = specs[pos][6]
            mentions.append(
                Mention(
                    event=event,
                    passage=passage,
                    date_text=f"{day:%d %B %Y}",
                    date_value=f"{day:%Y-%m-%d}",
                    date_rule="synthetic",
                    date_anchor=passage.article.published,
                    date_start=event.date_start,
                    date_end=event.date_end,
                    precision=event.precision,
                    event_type=event.event_type,
                )
            )
        Mention.objects.bulk_create(mentions)

        actor_links, place_links = [], []
        for pos, (_, a, b, place, *_rest) in enumerate(specs):
            event = events[pos]
            actor_links.append(Event.actors.through(event_id=event.pk, actor_id=a.pk))
            if b != a:
                actor_links.append(Event.actors.through(event_id=event.pk, actor_id=b.pk))
            place_links.append(Event.places.through(event_id=event.pk, actor_id=place.pk))
        Event.actors.through.objects.bulk_create(actor_links)
        Event.places.through.objects.bulk_create(place_links)
        return GenerateResult(
            events=len(events), mentions=len(mentions), passages=len(passages), articles=len(articles)
        )


def events_generate(
    *,
    count: int,
    seed: int = 0,
    batch_size: int = 5000,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> GenerateResult:
    """Write `count` synthetic events (and their articles, passages, mentions, actors) in batches."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    first_day = today.replace(year=today.year - YEARS)
    span_days = (today - first_day).days
    run = f"{seed}-{Event.objects.count()}"
    with transaction.atomic():
        actors = actors_ensure(rng=rng)
        publishers = publishers_ensure(rng=rng)
    batch = _Batch(rng, actors, publishers, run)
    total = GenerateResult(actors=len(actors), publishers=len(publishers))
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        with transaction.atomic():
            part = batch.write(done, size, first_day, span_days)
        for field in ("events", "mentions", "passages", "articles"):
            setattr(total, field, getattr(total, field) + getattr(part, field))
        done += size
        if progress:
            progress(done)
    return total


def benchmark_events_ensure(*, size: int, seed: int) -> float:
    """Fill an empty benchmark database with ``size`` synthetic events, or keep one that already holds them.

    Refuses a database of another size (drop it to regenerate); returns the seconds spent generating (0 when kept).
    """
    call_command("migrate", verbosity=0)
    have = Event.objects.count()
    if have == size:
        return 0.0
    if have:
        raise SystemExit(f"the benchmark database holds {have} events, not {size}: drop it to regenerate")
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("generate_events", events=size, seed=seed, stdout=quiet, stderr=sys.stderr)
    generated = time.perf_counter() - started
    with connection.cursor() as cursor:
        # Fresh statistics and visibility after a bulk load, as autovacuum would give later.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return generated
