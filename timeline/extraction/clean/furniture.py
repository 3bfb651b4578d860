"""Site furniture that scrapers carry along, recognised by shape: share bars, cookie notices,
relative timestamps, reading-time and comment counters, promotions, republication notes, and
agency datelines at the head of the first paragraph.

clean.py asks `furniture_reason` about each line and `strip_dateline` about each kept line.
"""

from __future__ import annotations

import re

from timeline.extraction.prefilter import guard_patterns

# Share bars: lines made only of share verbs, network names and separators
# ("Share on Facebook", "Share on Facebook / Twitter / WhatsApp", "Tweet", "Copy link").
_NETWORKS = (
    "facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|threads|bluesky|email|e-mail|mail|"
    "flipboard|print"
)
_SHARE_WORD = rf"(?:share|shares|tweet|post|send|on|via|to|this|the|article|story|page|copy|link|{_NETWORKS})"
_SHARE_BAR = re.compile(rf"^\s*(?:{_SHARE_WORD}[\s/|,·•:;-]*)+$", re.I)
_SHARE_CUE = re.compile(rf"\b(?:share|tweet|copy link|{_NETWORKS})\b", re.I)

_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CUE = re.compile(
    r"\b(?:accept|consent|privacy|polic(?:y|ies)|partners|personalis|personaliz|continu(?:e|ing) to (?:use|browse)|"
    r"manage (?:your )?(?:choices|preferences)|our (?:site|website))",
    re.I,
)

_RELATIVE_TIME = re.compile(
    r"^\s*(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?"
    r"(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\W*$",
    re.I,
)
_READ_TIME = re.compile(
    r"^\s*\d+\s*(?:-|\s)?(?:min(?:ute)?s?)\s+(?:read|listen)\W*$|^\s*listen\W{0,3}\d+(?::\d{2})?\s*(?:min(?:ute)?s?)?\W*$",
    re.I,
)
_COMMENT_COUNT = re.compile(r"^\s*(?:comments?\s*\(\d+\)|\(\d+\)\s*comments?|\d+\s+(?:comments?|replies))\W*$", re.I)
# A meta strip of short fields joined by dots or bars ("By Ann Lee · 6 min read · 18 comments").
_META_FIELD = re.compile(
    r"^(?:by\s+.{2,60}|\d+\s*min(?:ute)?s?\s+read|\d+\s+comments?|updated\s+.{1,30}|(?:\d+|an?)\s+\w+\s+ago)$",
    re.I,
)
_META_SEPARATORS = re.compile(r"\s+[·•|]\s+")

_CALL_TO_ACTION = re.compile(
    r"^\s*(?:click|tap) here\b"
    r"|^\s*save (?:this |articles? |stories )?(?:to read later|for later)\b"
    r"|^\s*(?:list of \d+ items|list \d+ of \d+|end of list)\W*$"
    r"|^\s*(?:listen|subscribe|download)\b[^.!?]{0,80}\b(?:podcasts?|spotify|app store|google play)\b"
    r"|^[^.!?]{0,60}\b(?:in|to) your inbox\W*$"
    r"|^[^.!?]{0,60}\bbreaking news alerts?\b[^.!?]{0,30}$",
    re.I,
)
_REPUBLISHED = re.compile(
    r"^\s*(?:this (?:article|story|report|piece) (?:was|is|has been) (?:originally|first) (?:published|posted)"
    r"|(?:originally|first) (?:published|appeared) (?:on|in|by|at)\b)",
    re.I,
)
_AD_SLOT = re.compile(
    r"^\s*(?:advertisement|advert|sponsored content)\s*[-–—:|]?\s*(?:scroll to continu\w*(?: with content| reading)?)?\W*$"
    r"|^\s*(?:story|article|content) continues (?:below|after)(?: (?:this |the )?(?:advertisement|advert|ad))?\W*$"
    r"|^\s*(?:skip advert|scroll to continue(?: with content)?|continue reading(?: the main story| below)?"
    r"|read (?:the )?full (?:article|story))\W*$",
    re.I,
)
# "Image source, Getty Images", "Media caption, ...", a bare credit line ("Getty Images", "AFP via Getty Images")
_CREDIT = re.compile(
    r"^\s*(?:image|media|video|photo) (?:source|caption|credit)\s*[,:]"
    r"|^\s*(?:getty images|afp|reuters|ap|epa(?:-efe)?|shutterstock|anadolu(?: agency)?|xinhua|tass|ria novosti)"
    r"(?:\s*(?:via|/)\s*[\w .-]{1,30})?\s*$",
    re.I,
)
_FOLLOW = re.compile(
    r"^\s*follow\s+(?:us|[A-Z][\w ]{0,40})\s+on\s+(?:telegram|whatsapp|linkedin|youtube|tiktok|threads|bluesky|"
    r"google news|instagram|facebook|twitter|x)\b",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*copyright\s+(?:©\s*)?\d{4}\b|^\s*newsletter(?:\s+sign[- ]?up)?\W*$", re.I)
# notes about the report itself: contributors, updates, standards, reuse
_REPORT_NOTE = re.compile(
    r"^\s*(?:the\s+)?[\w .,'’&-]{2,100}\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article|reporting)\W*$"
    r"|^\s*this (?:is a developing story|story (?:is developing|has been updated|will be updated|was updated))\b"
    r"|^\s*(?:our standards|editorial standards|reuse this content|report an error|was this (?:article|story) helpful)\b"
    r"|^\s*this (?:article|story) is (?:more than|over) (?:a|an|one|\d+) (?:years?|months?) old\W*$"
    r"|^\s*source\s*:\s*[\w .,&'’-]{2,60}$",
    re.I,
)
_WIRE_RIGHTS = re.compile(
    r"^\s*this material may not be (?:published|broadcast|rewritten|redistributed)\b"
    r"|^\s*\(?(?:reporting|writing|editing) by\b[^.]{0,120};",
    re.I,
)


# an embedded social post's residue: "— Name (@handle) November 26, 2024", "pic.twitter.com/..."
_EMBED = re.compile(r"^\s*[—–-]\s*.{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}\s*$|\bpic\.twitter\.com/", re.I)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+\.\w{2,}", re.I)
_LINK_PROMPT = re.compile(
    r"^\s*(?:follow|read|see|visit|find|watch|listen|more|get|download|subscribe|sign up|for more)\b", re.I
)


def furniture_reason(line: str) -> str | None:
    """Why a whole line is site furniture, or None when it may be article text."""
    words = line.split()
    if not any(c.isalnum() for c in line):
        return "separator"  # "___", "* * *"
    if _EMBED.search(line):
        return "embedded post"
    url = _URL.search(line)
    if url and (len(_URL.sub("", line).split()) == 0 or (len(words) <= 25 and _LINK_PROMPT.match(line))):
        return "link"
    if len(words) > 60:
        return None  # a long paragraph is article text, whatever words it uses
    if len(words) <= 16 and _SHARE_BAR.match(line) and _SHARE_CUE.search(line):
        return "share buttons"
    if _COOKIE.search(line) and _COOKIE_CUE.search(line):
        return "cookie notice"
    if _RELATIVE_TIME.match(line) or _READ_TIME.match(line):
        return "header: timestamp"
    if _COMMENT_COUNT.match(line):
        return "comment counter"
    fields = _META_SEPARATORS.split(line.strip())
    if len(fields) >= 2 and all(_META_FIELD.match(f.strip()) for f in fields):
        return "header: byline"
    if len(words) <= 12 and _AD_SLOT.match(line):
        return "advertisement"
    if len(words) <= 30 and _CREDIT.match(line):
        return "photo caption"
    if len(words) <= 15 and _FOLLOW.match(line):
        return "follow prompt"
    if len(words) <= 15 and _COPYRIGHT.match(line):
        return "copyright line"
    if len(words) <= 25 and _CALL_TO_ACTION.search(line):
        return "call to action"
    if len(words) <= 40 and _REPUBLISHED.match(line):
        return "republication note"
    if len(words) <= 30 and _REPORT_NOTE.match(line):
        return "note on the report"
    if len(words) <= 40 and _WIRE_RIGHTS.search(line):
        return "wire credits"
    return None


# "ADEN, March 3 (Reuters) - ", "KHARTOUM (AP) — ", "PRISTINA, Sept 25 - ", "WASHINGTON -- ", "TOKYO/SEOUL - ":
# a place name in capitals (or two joined by a slash), an optional short date and an optional agency in brackets,
# then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:/[A-Z][A-Z'’.\-]+)?(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z'’. ]{1,30}?)?"  # region or country ("GAZA CITY, Gaza Strip")
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"
    r"(?:\s*\([A-Z][\w .&/-]{0,30}\))?"
    r"\s*(?:-{1,2}|–|—)\s+(?=[A-Z\"“‘'])"
)


# "(CNN) — ": an agency alone in brackets
_AGENCY_DATELINE = re.compile(r"^\((?P<place>[A-Z][A-Z]+[\w .&/-]{0,28})\)\s*(?:-{1,2}|–|—)\s+(?=[A-Z\"“‘'])")


def strip_dateline(line: str) -> tuple[str, str]:
    """The line without a leading agency dateline, and the dateline ("" when there is none)."""
    m = _DATELINE.match(line) or _AGENCY_DATELINE.match(line)
    if not m or sum(c.isupper() for c in m["place"]) < 2 or (m.re is _DATELINE and len(m["place"]) < 3):
        return line, ""
    return line[m.end() :], m.group(0).strip()


# every pattern above first looks for its words with str.find (prefilter.py); the dateline is compared by identity
guard_patterns(globals(), keep=("_DATELINE",))
