"""The extraction pipeline: raw article text and a publication date in, plain data out.

clean -> segment -> tag time expressions -> detect event mentions -> group the mentions of one happening.
No database here: the service layer turns an ArticleExtraction into rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from timeline.extraction.clean.lines import DroppedLine, HeaderMeta, clean_text, is_headline
from timeline.extraction.cluster import DateRange, MentionGroup, group_mentions
from timeline.extraction.events.dating import DateBasis, lede, looks_back
from timeline.extraction.events.detection import EventMention, detect, lede_day
from timeline.extraction.events.title_choice import TitleCandidate, best_title
from timeline.extraction.gazetteer import Gazetteer, default_gazetteer
from timeline.extraction.segment import Passage, segment
from timeline.extraction.temporal.tagger import clocks_before_publication

Tagger = Callable[[str, date | None], list[Any]]

PUBLICATION_RULE = "publication date"
CONTEXT_RULE = "same development, dated elsewhere in the article"
# a happening dated only by the day it was told of ("said on Wednesday that it had launched ..."): at most that day
TELLING_RULE = "day it was told of"
CONTEXT_MIN_SHARED = 5  # content words an undated happening shares with a dated one of the same kind
CONTEXT_MIN_OVERLAP = 0.3


@dataclass(frozen=True)
class ArticleEvent:
    """The mentions of one happening within the article, with the date they support."""

    mentions: tuple[int, ...]  # indexes into ArticleExtraction.mentions
    event_type: str
    title: str
    summary: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    speakers: tuple[str, ...]
    date: DateRange | None
    date_basis: DateBasis  # NONE: undated and outside the lede, so it may only join a happening dated elsewhere
    date_disputed: bool
    lead_actor: str = ""  # the actor the mentions name most often
    mention_bases: tuple[DateBasis, ...] = ()  # for each of `mentions`: its own date, or the event's basis


@dataclass
class ArticleExtraction:
    text: str
    dropped: list[DroppedLine]
    meta: HeaderMeta
    title: str
    publisher: str
    published: date | None
    published_at: datetime | None
    published_source: str  # "given", "header" or "" (unknown)
    passages: list[Passage]
    timexes: list[Any]
    mentions: list[EventMention]
    events: list[ArticleEvent] = field(default_factory=list)


# how many days before its publication a report's lede may date its news and still date the report's undated
# sentences: the report of the next morning tells that day's happenings; later ones have moved on
NEXT_MORNING_DAYS = 1


def _default_tagger() -> Tagger:
    from timeline.extraction.temporal.tagger import tag

    return tag


def extract_article(
    text: str,
    *,
    published: date | None = None,
    published_at: datetime | None = None,
    title: str = "",
    publisher: str = "",
    gazetteer: Gazetteer | None = None,
    tagger: Tagger | None = None,
) -> ArticleExtraction:
    """Clean and read one article. `published` (when given) wins over a date found in the header lines."""
    gaz = gazetteer or default_gazetteer()
    cleaned = clean_text(text, publisher=publisher, gazetteer=gaz)
    return extract_cleaned(
        cleaned.text,
        dropped=cleaned.dropped,
        meta=cleaned.meta,
        published=published,
        published_at=published_at,
        title=title,
        publisher=publisher,
        gazetteer=gaz,
        tagger=tagger,
    )


def extract_cleaned(
    text: str,
    *,
    dropped: list[DroppedLine] | None = None,
    meta: HeaderMeta | None = None,
    published: date | None = None,
    published_at: datetime | None = None,
    title: str = "",
    publisher: str = "",
    gazetteer: Gazetteer | None = None,
    tagger: Tagger | None = None,
) -> ArticleExtraction:
    """Read already-cleaned text (a stored article re-read against a corrected publication date)."""
    gaz = gazetteer or default_gazetteer()
    meta = meta or HeaderMeta()
    tag = tagger or _default_tagger()
    source = "given" if published else ""
    if published is None and meta.published is not None:
        published, published_at, source = meta.published, meta.published_at, "header"
    passages = segment(text)
    timexes = clocks_before_publication(tag(text, published), published_at if published else None)
    mentions = detect(text, passages, timexes, published, gaz)
    groups = group_mentions(mentions, published)
    body = [p for p in passages if not is_headline(p.text)]
    body_texts = [p.text for p in body]
    body_opening = lede(body_texts)
    opening = {body[i].index for i in body_opening}
    news = lede_day(text, passages, timexes, published)
    later_piece = looks_back(body_texts, body_opening)
    if news is not None and published is not None and (published - news.start).days > NEXT_MORNING_DAYS:
        news = None  # a lede dated days back tells of a happening the rest of the report has moved on from
    events = []
    for g in groups:
        members = [mentions[i] for i in g.mentions]
        if not any(m.actors or m.places or m.speaker for m in members) and not any(_own_day(m) for m in members):
            continue  # no one and nowhere known, and no day of its own: nothing to place in world news
        lead = next((m for m in members if m.date is not None), members[0])
        headline = _titled(lead, members, g.date)
        date_range, basis = _dated(
            g,
            groups,
            published,
            in_lede=any(m.passage in opening and not m.other_time for m in members),
            simple_past=any(m.simple_past and not m.other_time for m in members),
            news_day=news.start if news is not None else None,
            later_piece=later_piece,
        )
        events.append(
            ArticleEvent(
                mentions=tuple(g.mentions),
                event_type=lead.event_type,
                title=headline,
                summary=lead.summary,
                actors=tuple(dict.fromkeys(a for m in members for a in m.actors)),
                places=tuple(dict.fromkeys(p for m in members for p in m.places)),
                speakers=tuple(dict.fromkeys(m.speaker for m in members if m.speaker)),
                date=date_range,
                date_basis=basis,
                date_disputed=g.disputed,
                lead_actor=(members[0].speaker if lead.event_type == "statement" and lead.speaker else "")
                or _lead_actor(members),
                mention_bases=tuple(DateBasis.CLAUSE if m.date is not None else basis for m in members),
            )
        )
    return ArticleExtraction(
        text=text,
        dropped=list(dropped or []),
        meta=meta,
        title=title or meta.title or _title_from_text(passages),
        publisher=publisher or meta.publisher,
        published=published,
        published_at=published_at,
        published_source=source,
        passages=passages,
        timexes=timexes,
        mentions=mentions,
        events=events,
    )


def _dated(
    group: MentionGroup,
    groups: list[MentionGroup],
    published: date | None,
    *,
    in_lede: bool,
    simple_past: bool,
    news_day: date | None = None,
    later_piece: bool = False,
) -> tuple[DateRange | None, DateBasis]:
    """A happening's date and why: its own sentences' date; else the same happening dated elsewhere in the
    article; else, told in the opening sentences, the report's day (the news lede reports the latest news);
    else, told deeper in the simple past, the report's day too (a report tells in that tense what has just
    happened). The report's day is the day its lede gives its news when that is the day before publication
    (`news_day`: a morning report of the day before), else the publication day. An undated sentence deep in a
    report told in another tense (the perfect or present of background and states of things) gets no date and
    no basis, and so does any undated sentence of a report that opens by counting the time since its story's
    happening (`later_piece`: "Eight days after ...", written when that happening is no longer the day's news)."""
    if group.date is not None:
        return group.date, DateBasis.CLAUSE
    if published is None:
        return None, DateBasis.NONE  # the article's own date is unknown: it waits for one
    elsewhere = _context_date(group, groups, published)
    if elsewhere is not None:
        return elsewhere, DateBasis.ELSEWHERE
    day = news_day or published
    if later_piece:
        return None, DateBasis.NONE
    if in_lede:
        return DateRange(day, day, "day"), DateBasis.LEDE
    if simple_past:
        return DateRange(day, day, "day"), DateBasis.REPORT
    return None, DateBasis.NONE


def _context_date(group: MentionGroup, groups: list[MentionGroup], published: date) -> DateRange | None:
    """An undated happening told in the same words as a dated one of the same kind takes its date.

    ("NATO confirmed on Monday that troops were sent ..." and, undated, "The Pentagon confirmed that troops
    had been sent ..."): a day or week the article itself gives, never after the publication date.
    """
    mine = set(group.profile.keywords)
    best, best_shared = None, 0
    for other in groups:
        if other is group or other.date is None or other.profile.event_type != group.profile.event_type:
            continue
        if other.date.precision not in ("day", "week") or other.date.start > published:
            continue
        theirs = set(other.profile.keywords)
        shared = len(mine & theirs)
        if shared >= CONTEXT_MIN_SHARED and shared / max(1, min(len(mine), len(theirs))) >= CONTEXT_MIN_OVERLAP:
            if shared > best_shared:
                best, best_shared = other.date, shared
    return best


def _own_day(m: EventMention) -> bool:
    """Whether a mention gives its happening a day or a week of its own (not the day of the telling)."""
    return m.date is not None and not m.date.telling and m.date.precision in ("day", "week")


def _titled(lead: EventMention, members: list[EventMention], when: DateRange | None) -> str:
    """The title that heads the event: the best headline among the mentions (title_choice; where none reads as
    one, a sentence of theirs trimmed), the dated lead's where it scores as well as any other."""
    pool = [lead, *(m for m in members if m is not lead)]
    if when is not None:  # a mention dated to another day tells of another moment: it does not head the event
        pool = [m for m in pool if m is lead or m.date is None or m.date.telling or m.date.start == when.start]
    candidates = [TitleCandidate(title=m.title, sentence=m.summary, order=i) for i, m in enumerate(pool)]
    return best_title(candidates, lead.event_type) or lead.title


def _lead_actor(members: list[EventMention]) -> str:
    counts = Counter(a for m in members for a in m.actors)
    if not counts:
        return ""
    top = max(counts.values())
    return next(a for m in members for a in m.actors if counts[a] == top)


def _title_from_text(passages: list[Passage], max_chars: int = 120) -> str:
    """Where no header gives a title, the first sentence stands for it."""
    if not passages:
        return ""
    first = passages[0].text.rstrip(".")
    if len(first) <= max_chars:
        return first
    return first[:max_chars].rsplit(" ", 1)[0] + "…"
