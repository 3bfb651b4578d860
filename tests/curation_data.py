"""Small hand-made articles and events for the curation and admin tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import itertools
from collections.abc import Sequence

from django.contrib.auth.models import Group, Permission, User
from django.utils.text import slugify

from timeline.events.derived import event_publisher_count
from timeline.models import Actor, ActorAlias, Article, Event, Mention, Passage, Publisher

_serial = itertools.count(1)


def make_article(
    *, sentences: Sequence[str], publisher: str | None = None, published: dt.date | None = None, title: str = ""
) -> Article:
    text = " ".join(sentences)
    n = next(_serial)
    article = Article.objects.create(
        title=title or f"Article {n}",
        publisher=Publisher.objects.get_or_create(name=publisher)[0] if publisher else None,
        published=published,
        published_source=Article.DateSource.METADATA if published else Article.DateSource.UNKNOWN,
        raw_text=text,
        text=text,
        content_hash=hashlib.sha256(f"{n}:{text}".encode()).hexdigest(),
    )
    offset = 0
    for index, sentence in enumerate(sentences):
        Passage.objects.create(article=article, index=index, start=offset, end=offset + len(sentence), text=sentence)
        offset += len(sentence) + 1
    return article


def make_event(
    title: str,
    *,
    passages: Sequence[Passage],
    date_start: dt.date | None = None,
    date_end: dt.date | None = None,
    precision: str = "day",
    event_type: str = "missile test",
    date_text: str = "",
    actors: Sequence[Actor] = (),
) -> Event:
    event = Event.objects.create(
        slug=f"{slugify(title)}-{next(_serial)}",
        title=title,
        event_type=event_type,
        date_start=date_start,
        date_end=date_end or date_start,
        precision=precision if date_start else "unknown",
    )
    for passage in passages:
        Mention.objects.create(
            event=event,
            passage=passage,
            date_text=date_text,
            date_rule="weekday-before-anchor" if date_text else "",
            date_anchor=passage.article.published,
            date_start=date_start,
            date_end=date_end or date_start,
            precision=precision if date_start else "unknown",
            event_type=event_type,
        )
    event.actors.set(actors)
    event.publisher_count = event_publisher_count(event=event)
    event.save()
    return event


def make_actor(name: str, *aliases: str, kind: str = "country") -> Actor:
    """An actor with these aliases (the migrated gazetteer may hold it already)."""
    actor, _ = Actor.objects.get_or_create(name=name, defaults={"slug": slugify(name), "kind": kind})
    for alias in aliases:
        ActorAlias.objects.get_or_create(alias=alias, defaults={"actor": actor})
    return actor


def curators_group() -> Group:
    """The group the data migration made; rebuilt from the migration's list where a transactional test's flush
    emptied the tables (browser tests run after the others, on a flushed database)."""
    group = Group.objects.filter(name="curators").first()
    if group is None:
        migration = importlib.import_module("timeline.migrations.0004_curators_group")
        group = Group.objects.create(name="curators")
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="timeline", codename__in=migration.CURATOR_PERMISSIONS)
        )
    return group


def make_curator(username: str = "cora", password: str | None = None) -> User:
    """A staff user in the curators group; without a password, log in with force_login."""
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(curators_group())
    return user
