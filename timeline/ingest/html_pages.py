"""Reading a saved web page: its main text and metadata by trafilatura, its publication date by htmldate.

Two rules of our own run first, where they still add value: containers that sites name for what they hold
(consent banners, share bars, teasers, promotions, ad slots) are taken out of the page, and the page's own
publication-date fields are read before any other date. Nothing here touches the database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from timeline.extraction.clean.characters import strip_control
from timeline.extraction.clean.published import published_in_range

MIN_WORDS = 25  # a page with less main text than this holds no article
# containers that sites name for what they hold: consent banners, share bars, teasers, promotions, ad slots
_FURNITURE_CONTAINERS = ("div", "section", "ul", "ol", "table", "aside")
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|related|share|sharing|social|advert|advertisement|ads?|ad-slot|"
    r"promo|subscribe|subscription|comments?|outbrain|taboola|recirc|most-read|mostread|trending|paywall|"
    r"more-stories|read-next|recommended|menu|breadcrumbs?)(?:$|[\s_-])",
    re.I,
)
# the page's own publication-time fields, most specific first (a generic "date" may be the page's build date)
_PUBLISHED_FIELDS = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished")


class PageError(ValueError):
    """A page with no article in it."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str
    publisher: str
    url: str
    published: date | None
    published_at: datetime | None  # where the page's own fields give the time


def read_page(html: str) -> Page:
    """The article of a page; PageError when it holds none."""
    tree = _parse(html)
    if tree is None:
        raise PageError("no article text found in the HTML page")
    published_at = _published_time(tree)
    page_title = " ".join((tree.findtext(".//title") or "").split())
    _drop_furniture(tree)
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False, deduplicate=False
    )
    body = strip_control((doc.text if doc is not None else "") or "")
    title, site = _title(tree, page_title, (doc.title if doc is not None else "") or "")
    if len(body.split()) < MIN_WORDS:
        raise PageError("no article text found in the HTML page")
    published = published_at.date() if published_at is not None else _page_date(html)
    return Page(
        text=body,
        title=strip_control(title).strip(),
        publisher=strip_control(doc.sitename or site).strip(),
        url=(doc.url or "").strip(),
        published=published,
        published_at=published_at,
    )


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _drop_furniture(tree: lxml.html.HtmlElement) -> None:
    """Take out the containers named for furniture, and every <article> element but the longest (teaser cards
    are <article> elements too)."""
    for element in list(tree.iter(*_FURNITURE_CONTAINERS)):
        if element.getparent() is None:
            continue  # the whole page: never furniture
        if _FURNITURE_NAME.search(f"{element.get('class', '')} {element.get('id', '')}"):
            element.drop_tree()
    tops = [a for a in tree.iter("article") if not any(up.tag == "article" for up in a.iterancestors())]
    if len(tops) > 1:
        longest = max(tops, key=lambda a: len(a.text_content().split()))
        for article in tops:
            if article is not longest:
                article.drop_tree()


def _title(tree: lxml.html.HtmlElement, page_title: str, extracted: str) -> tuple[str, str]:
    """The headline and, where the page's <title> gives it, the site name: the page's own headline field
    first, then its <title> less the site name, then what the extractor found."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title") and (meta.get("content") or "").strip():
            return meta.get("content").strip(), ""
    if page_title:
        return _split_page_title(page_title)
    return extracted, ""


# "Headline | Site", "Headline - Site", "Site: Headline" in a page's <title>
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _split_page_title(page_title: str) -> tuple[str, str]:
    """The headline and the site name of a <title>: the site is a short side of at most four words."""
    parts = _TITLE_SEPARATOR.split(page_title)
    if len(parts) < 2:
        return page_title, ""
    first, last = parts[0], parts[-1]
    # the headline side has at least four words and more than the site side
    if len(last.split()) <= 4 and len(" ".join(parts[:-1]).split()) >= max(4, len(last.split()) + 1):
        return page_title[: page_title.rfind(last)].rstrip(" |–—-:"), last
    if len(first.split()) <= 4 and len(" ".join(parts[1:]).split()) >= max(4, len(first.split()) + 1):
        return page_title[len(first) :].lstrip(" |–—-:"), first
    return page_title, ""


def _published_time(tree: lxml.html.HtmlElement) -> datetime | None:
    """The publication time the page's own article fields give, when they give one in ISO 8601 form."""
    fields: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_FIELDS and meta.get("content"):
            fields.setdefault(key, meta.get("content").strip())
    for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
        fields["datepublished"] = fields.get("datepublished") or _json_ld_published(block)
    for key in _PUBLISHED_FIELDS:
        if fields.get(key):
            try:
                moment = datetime.fromisoformat(fields[key][:32].replace("Z", "+00:00"))
            except ValueError:
                continue
            if "T" in fields[key] and published_in_range(moment.date()):
                return moment
    return None


def _json_ld_published(block: str) -> str:
    """The datePublished of the page's schema.org JSON-LD (an object, a list or an @graph), or ""."""
    try:
        stack: list[object] = [json.loads(block)]
    except (json.JSONDecodeError, RecursionError):
        return ""
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str) and item["datePublished"].strip():
                return item["datePublished"].strip()
            stack.extend(v for k, v in item.items() if k == "@graph")
    return ""


def _page_date(html: str) -> date | None:
    """The page's original publication date as htmldate reads it (markup, JSON-LD, URL), or None."""
    try:
        found = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    day = date.fromisoformat(found)
    return day if published_in_range(day) else None
