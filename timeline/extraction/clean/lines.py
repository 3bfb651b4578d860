"""Cleaning: keep the article, drop the site furniture around it, and read the header lines.

Scraped news text arrives with navigation, subscription and donation appeals, comment prompts,
gallery captions, audio-player controls, "Read more" links, tag lists, teaser lists of other
stories and radio schedules mixed into it. Each rule below recognises one kind of furniture by
its shape; every dropped line is kept with the reason, so a curator can see what was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from timeline.extraction.clean.furniture import furniture_reason, strip_dateline
from timeline.extraction.clean.header_dates import header_date, is_clock
from timeline.extraction.gazetteer import Gazetteer, default_gazetteer
from timeline.extraction.prefilter import guard_patterns


@dataclass(frozen=True)
class DroppedLine:
    line: str
    reason: str


@dataclass(frozen=True)
class HeaderMeta:
    title: str = ""
    publisher: str = ""
    published: date | None = None
    published_at: datetime | None = None
    date_text: str = ""
    date_how: str = ""  # which header form the date was read from


@dataclass
class CleanResult:
    text: str
    dropped: list[DroppedLine] = field(default_factory=list)
    meta: HeaderMeta = field(default_factory=HeaderMeta)


_TERMINAL = re.compile(r"[.!?…:\"”’')\]]\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Furniture recognised line by line: (reason, pattern). Patterns are anchored to the line's shape,
# so that an article sentence quoting such words is kept.
_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("caption residue", re.compile(r"\[/?caption[^\]]*\]", re.I)),
    (
        "photo caption",
        re.compile(
            r"^\s*(?:photo|photograph|photos|image|picture|caption|pictured|credit|illustration|main image|top image)\s*:",
            re.I,
        ),
    ),
    ("photo caption", re.compile(r"^[^.!?]{0,160}\((?:AP|AFP|Reuters|EPA|Getty Images?)(?: Photo)?(?:/[^)]*)?\)\s*$")),
    ("wire credits", re.compile(r"^\s*\(?(?:additional )?(?:reporting|writing|editing) by\b.{0,200}$", re.I)),
    ("gallery caption", re.compile(r"^\s*(?:open|view|close)\s+(?:image|photo|picture)s?\s+in\s+gallery\b", re.I)),
    (
        "audio player",
        re.compile(r"^\s*(?:listen to (?:this|the) (?:article|story)|loading audio\W*|play audio)\W*$", re.I),
    ),
    ("read more link", re.compile(r"^\s*(?:read more|read next|also read|see also|related|watch)\s*:", re.I)),
    (
        "radio schedule",
        re.compile(r"^[^.!?]{0,60}\b\d{1,2}(?:[.:]\d{2})?\s*[ap]m\s*[-–—]\s*\d{1,2}(?:[.:]\d{2})?\s*[ap]m\s*$", re.I),
    ),
    (
        "comment prompt",
        re.compile(
            r"^\s*(?:comments?|\d+\s+comments?|leave a comment|join (?:our|the) (?:commenting forum|conversation|discussion)"
            r"|join thought-provoking conversations\b.*|show comments|view comments|add your comment)\W*$",
            re.I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\s*(?:skip to (?:main )?content|menu|home|search|share(?: this(?: article| story)?)?|advertisement|sponsored"
            r"|sign in|log in|register|back to top|print|email|copy link|close|tags?|save|bookmark|listen|gift(?: this)? article)"
            r"\W*$",
            re.I,
        ),
    ),
    (
        "subscription prompt",
        re.compile(
            r"^\s*(?:(?:sign up|subscribe)\b.{0,80}(?:newsletter|inbox|updates|today|now|free)\W*"
            r"|get (?:our|the) .{0,40}newsletter\W*|already (?:a subscriber|have an account).*)$",
            re.I,
        ),
    ),
    ("follow prompt", re.compile(r"^\s*follow (?:us|[A-Z][\w ]{0,40}) on (?:twitter|x|facebook|instagram)\b.*$", re.I)),
    ("copyright line", re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\))\s*\d{4}.*$|^.*\ball rights reserved\W*$", re.I)),
    ("tag list", re.compile(r"^\s*(?:in|tags?|topics?|filed under|categories)\s*:\s*$", re.I)),
    ("tag list", re.compile(r"^\s*[•·▪●\-*]\s*[\w'’&.-]+(?:\s+[\w'’&.-]+){0,3}\s*$")),
]

# Donation/subscription appeals are recognised by how many appeal phrases a line holds.
_APPEAL = re.compile(
    r"your support|support (?:us|now|our journalism)|donat(?:e|ion)|contribut(?:e|ion) (?:today|now)|paywall|"
    r"quality journalism|independent journalism|subscribe|subscription|become a (?:member|supporter)|"
    r"keep (?:sending|our) journalists|reader-funded|free to read|help us",
    re.I,
)

# A marker after which a site lists other stories ("More:", "Recommended", "Read more", "Most read").
_TEASER_MARKER = re.compile(
    r"^\s*(?:more(?:\s*(?:from|on|stories|:).{0,40})?|recommend(?:ed)?(?: for you| stories)?|read more|"
    r"related(?: stories| articles)?|you (?:may|might) also like|most (?:read|popular|viewed)|trending(?: now)?|"
    r"top stories|latest(?: news| stories)?|what to read next|editor'?s picks|keep reading|related topics|"
    r"explore more(?: on these topics)?)\s*:?\s*\S{0,20}$",
    re.I,
)
# "By Jane Doe", "By Jane Doe and Ali Khan, Reuters", "By Dan Roe, Vienna correspondent"
# "Anna Nowak in Warsaw", "Ali Khan and Jo Park in Kyiv": a byline with the reporter's city
_BYLINE_IN = re.compile(
    r"^(?:[Bb]y\s+)?[A-Z][\w'’.-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){1,5}\s+in\s+[A-Z][\w'’. -]{1,30}$"
)
_BYLINE = re.compile(
    r"^[Bb]y\s+[A-Z][\w'’.-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){0,5}(?:\s*,\s*[\w'’&. -]{2,50}(?<![.!?]))?\s*$"
)
# A short line of capitalised words ("Harbour Signal", "The Daily Courier"): a name, not a sentence.
_NAME_LINE = re.compile(r"^(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|the|and|&|[A-Z][\w'’&.-]*)){0,4}$")
# "Home | World | Middle East", "News › Europe › Balkans": three or more short names in a row
_CRUMB = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[\w&'’.-]+){0,2}"
_BREADCRUMB = re.compile(rf"^\s*{_CRUMB}(?:\s*[|›»>/]\s*{_CRUMB}){{2,}}\s*$")
_SITE_TITLE = re.compile(r"^\s*(?P<a>[^|]{2,80}?)\s*\|\s*(?P<b>[^|]{2,300}?)\s*$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_headline(line: str) -> bool:
    """A short line with no sentence-final punctuation: a title, standfirst or teaser headline."""
    stripped = line.strip()
    return not _TERMINAL.search(stripped) and 2 <= len(_words(stripped)) <= 30  # most lines end a sentence


_FIELD_SPLIT = re.compile(r"\s+[|•·/]\s+")


def _meta_strip(
    line: str, reference: datetime | None = None
) -> tuple[date, datetime | None, str, str] | tuple[()] | None:
    """A header line of short fields ("By Ann Lee | March 12, 2024 2:05 PM", "Ann Lee • 3 min read"): the
    date one field gives (an empty tuple when none does), or None when the line is not such a strip."""
    fields = [f.strip() for f in _FIELD_SPLIT.split(line.strip())]
    if len(fields) < 2:
        return None
    found: tuple[date, datetime | None, str, str] | tuple[()] = ()
    telling = False  # a field only a header holds: a byline, a date, a time, a reading time
    for f in fields:
        parsed = header_date(f, reference)
        if parsed and parsed[2] == f:
            found = found or parsed
            telling = True
        elif _BYLINE.match(f) or _BYLINE_IN.match(f) or is_clock(f) or furniture_reason(f):
            telling = True
        elif not (_NAME_LINE.match(f) and len(_words(f)) <= 3):
            return None
    return found if telling else None


def _header_rest_reason(rest: str) -> str | None:
    """What follows a header date on the same line: metadata fields ("source:..."), or the body itself."""
    if re.match(r"^(?:source|by|author|category|updated)\s*:", rest, re.I) or len(_words(rest)) <= 8:
        return "header: byline"
    return None


def _is_appeal(line: str) -> bool:
    hits = len(_APPEAL.findall(line))
    words = max(1, len(_words(line)))
    return hits >= 2 or (hits == 1 and words <= 12)


def _line_rule(line: str) -> str | None:
    for reason, pattern in _LINE_RULES:
        if pattern.search(line):
            return reason
    furniture = furniture_reason(line)
    if furniture:
        return furniture
    if _is_appeal(line):
        return "donation or subscription appeal"
    return None


def _unglue(line: str, name: str) -> str:
    """Remove a site name pasted into a sentence ("The Sitelaunch on ..."), where it is glued to a word."""
    if not name or len(name) < 3:
        return line
    glued = re.compile(rf"(?:(?<=\s)|^)(?:The\s+)?{re.escape(name)}(?=[a-z])")
    if not glued.search(line):
        return line
    prefix_the = re.compile(rf"(?:(?<=\s)|^)(?P<the>The\s+)?{re.escape(name)}(?=[a-z])")
    return prefix_the.sub(lambda m: "The " if m["the"] else "", line)


def _strip_glued_credit(line: str) -> str:
    """Drop a photo credit glued to the start of a caption-like line ("APNorth Korea ...")."""
    return re.sub(r"^(?:AP|AFP|Reuters|Getty Images|EPA|PA)(?=[A-Z][a-z])", "", line)


def clean_text(
    raw: str, *, publisher: str = "", gazetteer: Gazetteer | None = None, reference: datetime | None = None
) -> CleanResult:
    """Clean one scraped article: the kept paragraphs joined by blank lines, the dropped lines with reasons.

    `reference` is the time relative header dates ("Updated 3 hours ago") count from: when the file was
    saved, or now."""
    gaz = gazetteer or default_gazetteer()
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u00a0", " ")
    lines = text.split("\n")
    dropped: list[DroppedLine] = []
    title, site, date_text, date_how = "", publisher, "", ""
    published: date | None = None
    published_at: datetime | None = None

    kept: list[str] = []
    seen: set[str] = set()  # the lines kept so far
    header_zone = True  # until the first body sentence
    for raw_line in lines:
        line = raw_line.strip()
        if not line:
            continue
        # a date line is read in the header, and just below a standfirst sentence when it is nothing else
        parsed = header_date(line, reference) if header_zone or len(kept) <= 2 else None
        if parsed and not header_zone and line != parsed[2]:
            parsed = None
        if parsed:
            if published is not None and line.strip() == parsed[2]:
                dropped.append(DroppedLine(line, "header: update time"))  # "Updated ..." under the first date
                continue
            if parsed and published is None:
                published, published_at, date_text, date_how = parsed
                rest = line[len(parsed[2]) :].strip() if line.startswith(parsed[2]) else ""
                if not rest:
                    dropped.append(DroppedLine(line, "header: publication date"))
                    continue
                dropped.append(DroppedLine(parsed[2], "header: publication date"))
                rest_reason = _line_rule(rest) or _header_rest_reason(rest)
                if rest_reason:
                    dropped.append(DroppedLine(rest, rest_reason))
                    continue
                line = rest
        if header_zone:
            if _BREADCRUMB.match(line):
                dropped.append(DroppedLine(line, "header: section"))
                continue
            strip = _meta_strip(line, reference)
            if strip is not None:
                if strip and published is None:
                    published, published_at, date_text, date_how = strip
                dropped.append(DroppedLine(line, "header: byline"))
                continue
            m = _SITE_TITLE.match(line)
            if m and not title:
                a, b = m["a"].strip(), m["b"].strip()
                # "Site | Title" or "Title | Site": the site is the shorter side.
                site_name, headline = (a, b) if len(_words(a)) <= len(_words(b)) else (b, a)
                if len(_words(headline)) <= 3 and _NAME_LINE.match(headline):
                    # "World | Middle East": a section breadcrumb, not a site and a headline
                    dropped.append(DroppedLine(line, "header: section"))
                    continue
                if len(_words(site_name)) <= 5:
                    site = site or site_name
                    title = headline
                    dropped.append(DroppedLine(line, "header: site and title"))
                    continue
        reason = _line_rule(line)
        if reason:
            dropped.append(DroppedLine(line, reason))
            continue
        if line == title or line in seen:
            dropped.append(DroppedLine(line, "repeated line"))  # a headline or standfirst printed twice
            continue
        if (header_zone or len(kept) <= 2) and (
            re.match(r"^(?:by|source|author|category)\s*:", line, re.I) or _BYLINE.match(line) or _BYLINE_IN.match(line)
        ):
            dropped.append(DroppedLine(line, "header: byline"))
            continue
        if header_zone and not title and _NAME_LINE.match(line) and 1 <= len(_words(line)) <= 3:
            # a site or section name above the headline ("World Desk", "The Courier")
            if not site:
                site = line
            dropped.append(DroppedLine(line, "header: site or section name"))
            continue
        if header_zone and not title and is_headline(line):
            title = line
            dropped.append(DroppedLine(line, "header: title"))
            continue
        if header_zone and title and not site and _NAME_LINE.match(line):
            site = line  # a publisher's name on its own line under the title
            dropped.append(DroppedLine(line, "header: publisher"))
            continue
        if not is_headline(line):
            if header_zone:
                line, dateline = strip_dateline(line)
                if dateline:
                    dropped.append(DroppedLine(dateline, "dateline"))
            header_zone = False
        kept.append(line)
        seen.add(line)

    kept, teaser_dropped = _drop_teasers(kept, gaz)
    dropped.extend(teaser_dropped)
    tags = 0  # a run of short names closing the page ("Poland", "Farming"): its topic tags
    while tags < len(kept) - 1 and _NAME_LINE.match(kept[-1 - tags]) and len(_words(kept[-1 - tags])) <= 3:
        tags += 1
    if tags >= 2:
        dropped.extend(DroppedLine(t, "tag list") for t in kept[-tags:])
        kept = kept[:-tags]
    paragraphs = []
    for line in kept:
        line = _strip_glued_credit(_unglue(line, site))
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line:
            paragraphs.append(line)
    meta = HeaderMeta(
        title=title,
        publisher=site,
        published=published,
        published_at=published_at,
        date_text=date_text,
        date_how=date_how,
    )
    return CleanResult(text="\n\n".join(paragraphs), dropped=dropped, meta=meta)


def _drop_teasers(lines: list[str], gaz: Gazetteer) -> tuple[list[str], list[DroppedLine]]:
    """After a "More"/"Recommended"-style marker, drop the list of other stories that follows.

    The list is recognised by its shape (headlines, truncated leads) and by sharing none of the
    article's actors; a marker followed by real article text is left alone.
    """
    for i, line in enumerate(lines):
        if not _TEASER_MARKER.match(line) or i == 0:
            continue
        body_actors = {hit.actor for hit in gaz.find(" ".join(lines[:i]))}
        tail = lines[i + 1 :]
        unrelated = 0
        for t in tail:
            actors = {hit.actor for hit in gaz.find(t)}
            if not (actors & body_actors) or is_headline(t) or not _TERMINAL.search(t):
                unrelated += 1
        if not tail or unrelated >= max(1, int(0.75 * len(tail))):
            dropped = [DroppedLine(line, "teaser list marker")]
            dropped += [DroppedLine(t, "teaser list") for t in tail]
            return lines[:i], dropped
    return lines, []


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
