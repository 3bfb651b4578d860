"""Characters a text never means, and the form of a text that identifies it whatever its spacing.

NUL and the other control characters are removed as soon as a text is read (PostgreSQL refuses NUL in
text, and no reading rule wants the others); the identity of an article is its raw text in one spacing and
one Unicode form, so the same file read again, or with a trailing newline, is the same article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# control characters other than newline, carriage return and tab
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# line and page breaks of other kinds: vertical tab, form feed, file/group/record separators, NEL, U+2028/9
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def strip_control(text: str) -> str:
    """``text`` without control characters; vertical tabs, form feeds and other breaks become newlines."""
    return _CONTROL.sub("", _BREAKS.sub("\n", text))


def text_fingerprint(text: str, *, publisher: str = "") -> str:
    """The identity of a raw article text: a hash of it in NFC with every run of spacing as one space.

    With ``publisher``, the identity of that publisher's copy of the text (a republication elsewhere).
    """
    normal = " ".join(unicodedata.normalize("NFC", strip_control(text)).split())
    if publisher.strip():
        normal = f"{' '.join(publisher.split()).lower()}\n{normal}"
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
