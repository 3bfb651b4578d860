"""Small ORM builders for the web tests: publishers, articles with passages, events with mentions."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from django.utils.text import slugify

from timeline.events.derived import event_publisher_count
from timeline.models import Actor, Article, Event, Mention, Passage, Publisher

_counter = itertools.count(1)


def make_publisher(name: str) -> Publisher:
    return Publisher.objects.get_or_create(name=name, defaults={"domain": slugify(name) + ".example"})[0]


def make_article(
    *, title: str, sentences: list[str], publisher: Publisher | None = None, published: date | None = None
) -> Article:
    """An article whose text is the sentences joined by spaces, each sentence one passage."""
    text = " ".join(sentences)
    article = Article.objects.create(
        title=title,
        publisher=publisher,
        published=published,
        published_source=Article.DateSource.METADATA if published else Article.DateSource.UNKNOWN,
        raw_text=text,
        text=text,
        content_hash=hashlib.sha256(f"{text}|{next(_counter)}".encode()).hexdigest(),
    )
    position = 0
    for index, sentence in enumerate(sentences):
        Passage.objects.create(
            article=article, index=index, start=position, end=position + len(sentence), text=sentence
        )
        position += len(sentence) + 1
    return article


def make_actor(name: str, kind: str = Actor.Kind.COUNTRY) -> Actor:
    return Actor.objects.get_or_create(name=name, defaults={"slug": slugify(name), "kind": kind})[0]


def make_event(
    *,
    title: str,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    event_type: str = "statement",
    status: str = Event.Status.NEW,
    actors: tuple[Actor, ...] = (),
    places: tuple[Actor, ...] = (),
    passages: tuple[Passage, ...] = (),
    summary: str = "",
    date_text: str = "",
) -> Event:
    event = Event.objects.create(
        slug=slugify(title)[:100] + f"-{next(_counter)}",
        title=title,
        summary=summary,
        event_type=event_type,
        date_start=start,
        date_end=end or start,
        precision=precision,
        status=status,
    )
    event.actors.set(actors)
    event.places.set(places)
    for passage in passages:
        Mention.objects.create(
            event=event,
            passage=passage,
            date_text=date_text,
            date_rule="weekday-before-anchor" if date_text else "",
            date_anchor=passage.article.published,
            date_start=start,
            date_end=end or start,
            precision=precision,
            event_type=event_type,
        )
    event.publisher_count = event_publisher_count(event=event)
    event.save(update_fields=["publisher_count"])
    return event


def make_sample_timeline() -> dict[str, object]:
    """A small, realistic timeline: three publishers, four articles, eight events of several kinds."""
    wire, daily, herald = make_publisher("Wire Service"), make_publisher("Daily Ledger"), make_publisher("The Herald")
    nk, sk, us, jp = (
        make_actor("North Korea"),
        make_actor("South Korea"),
        make_actor("United States"),
        make_actor("Japan"),
    )
    sea = make_actor("Sea of Japan", Actor.Kind.PLACE)
    a1 = make_article(
        title="North Korea fires missile into the sea",
        publisher=wire,
        published=date(2025, 2, 28),
        sentences=[
            "North Korea launched a ballistic missile on Wednesday, officials in Seoul said.",
            "The missile flew east and came down in the Sea of Japan.",
            "Seoul and Washington held joint drills during the first week of February.",
            "Tokyo protested the launch through diplomatic channels.",
        ],
    )
    a2 = make_article(
        title="Seoul reports launch; allies weigh response",
        publisher=daily,
        published=date(2025, 2, 27),
        sentences=[
            "A missile was fired from near Pyongyang on Wednesday, according to the South Korean military.",
            "Ministers from the United States, Japan and South Korea will meet in March.",
            "Last year the three countries agreed a trilateral security framework.",
        ],
    )
    a3 = make_article(
        title="Sanctions package announced",
        publisher=herald,
        published=date(2025, 3, 14),
        sentences=[
            "The United States announced new sanctions on North Korean shipping firms on Friday.",
            "Officials said the measures would take effect in April.",
        ],
    )
    a4 = make_article(
        title="Foreign ministers meet in Tokyo",
        publisher=wire,
        published=date(2025, 3, 21),
        sentences=[
            "Foreign ministers of Japan, South Korea and the United States met in Tokyo on Thursday.",
            "They condemned the February launch and pledged closer coordination.",
        ],
    )
    p1, p2, p3, p4 = a1.passages.order_by("index")
    q1, q2, q3 = a2.passages.order_by("index")
    s1, s2 = a3.passages.order_by("index")
    t1, t2 = a4.passages.order_by("index")
    events = {
        "launch": make_event(
            title="North Korea launches a ballistic missile into the Sea of Japan",
            start=date(2025, 2, 26),
            event_type="missile test",
            status=Event.Status.VERIFIED,
            actors=(nk,),
            places=(sea,),
            passages=(p1, q1),
            date_text="on Wednesday",
            summary="A ballistic missile launched from near Pyongyang came down in the Sea of Japan.",
        ),
        "drills": make_event(
            title="South Korea and the United States hold joint drills",
            start=date(2025, 2, 1),
            end=date(2025, 2, 7),
            precision="week",
            event_type="military exercise",
            status=Event.Status.VERIFIED,
            actors=(sk, us),
            passages=(p3,),
            date_text="the first week of February",
        ),
        "protest": make_event(
            title="Japan protests the launch",
            start=date(2025, 2, 28),
            event_type="statement",
            actors=(jp,),
            passages=(p4,),
        ),
        "framework": make_event(
            title="Trilateral security framework agreed",
            start=date(2024, 1, 1),
            end=date(2024, 12, 31),
            precision="year",
            event_type="agreement",
            actors=(us, jp, sk),
            passages=(q3,),
            date_text="Last year",
        ),
        "sanctions": make_event(
            title="United States sanctions North Korean shipping firms",
            start=date(2025, 3, 14),
            event_type="sanctions",
            status=Event.Status.VERIFIED,
            actors=(us, nk),
            passages=(s1,),
            date_text="on Friday",
        ),
        "sanctions_effect": make_event(
            title="New sanctions take effect",
            start=date(2025, 4, 1),
            end=date(2025, 4, 30),
            precision="month",
            event_type="sanctions",
            actors=(us,),
            passages=(s2,),
            date_text="in April",
        ),
        "ministers": make_event(
            title="Foreign ministers of Japan, South Korea and the US meet in Tokyo",
            start=date(2025, 3, 20),
            event_type="diplomatic meeting",
            status=Event.Status.VERIFIED,
            actors=(jp, sk, us),
            passages=(q2, t1),
            date_text="on Thursday",
        ),
        "condemn": make_event(
            title="Ministers condemn the February launch",
            start=date(2025, 3, 20),
            event_type="statement",
            actors=(jp, sk, us),
            passages=(t2,),
        ),
    }
    return {"articles": [a1, a2, a3, a4], "events": events, "actors": [nk, sk, us, jp, sea]}
