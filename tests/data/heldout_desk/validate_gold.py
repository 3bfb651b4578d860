#!/usr/bin/env python3
"""Check gold.json against the article files in articles/ (standard library only).

Checks: every article file parses and has title/url/publisher/published/text; gold.json
parses and lists exactly the article files; the match rules are the four agreed ones; every
event has a known tier, type and precision, a valid ISO date or range, at least one mention;
every mention and negative quote is an exact substring of its file's text; no negative shares
a sentence with a mention; weekday arithmetic written in the notes is right.

Usage: python3 validate_gold.py [--coverage]
  --coverage  also list, per article, the sentences that no mention or negative quote touches
"""

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIERS = {"required", "optional"}
TYPES = {
    "missile test",
    "troop deployment",
    "diplomatic meeting",
    "statement",
    "sanctions",
    "attack",
    "agreement",
    "election",
    "military exercise",
    "other",
}
PRECISIONS = {"day", "week", "month", "year"}
RULES = {
    "event_matches_gold": "a system event matches a gold event when one of its source passages contains one of the gold event's quotes (case-insensitive, whitespace collapsed, curly quotes and apostrophes folded to straight ones)",
    "date_day": "for precision 'day': the system event's resolved start date equals gold 'date'",
    "date_range": "for a gold range 'start/end': the system event's date range overlaps it and its precision is week or finer",
    "tiers": "required events must all be found with correct dates; optional events may be found or not and never count against precision; negatives must produce no event at all",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD = "|".join(WEEKDAYS)

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def warn(msg: str) -> None:
    warnings.append(msg)


def norm(s: str) -> str:
    """The matching normalisation of the rules: fold quotes, collapse whitespace, lowercase."""
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def parse_day(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def parse_gold_date(s: str) -> tuple[dt.date, dt.date] | None:
    parts = s.split("/")
    if len(parts) == 1:
        d = parse_day(parts[0])
        return (d, d) if d else None
    if len(parts) == 2:
        a, b = parse_day(parts[0]), parse_day(parts[1])
        if a and b and a <= b:
            return a, b
    return None


def parse_published(s: str) -> dt.date | None:
    if not isinstance(s, str):
        return None
    try:
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        return parse_day(s[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", s) else None


ABBREV = {
    "u.s",
    "st",
    "adm",
    "gen",
    "col",
    "maj",
    "mr",
    "mrs",
    "dr",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "a.m",
    "p.m",
    "no",
    "vs",
    "jr",
}


def sentences(text: str) -> list[str]:
    """Rough sentence split: at line breaks, and after . ! ? (optionally closed by a quote mark)
    when the next word starts with a capital, a digit or an opening quote, except after common
    abbreviations (U.S., Nov., Adm., p.m. ...)."""
    out: list[str] = []
    for line in re.split(r"\n+", text):
        start = 0
        for m in re.finditer(r"[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018(]?[A-Z0-9])", line):
            word = re.findall(r"[\w.]+$", line[start : m.start()])
            if word and word[-1].lower().rstrip(".") in ABBREV:
                continue
            out.append(line[start : m.end()].strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def check_weekdays(
    where: str,
    note: str,
    pub: dict[str, dt.date],
    files: list[str],
    accepted: list[tuple[dt.date, dt.date]] | None = None,
) -> int:
    """Verify 'Weekday YYYY-MM-DD' pairs and "'<cue with weekday>' in an article of ... X = Y" claims;
    with `accepted`, also that each such Y falls in one of the event's accepted date ranges."""
    checked = 0
    for m in re.finditer(rf"\b({WD})\b,? (\d{{4}}-\d{{2}}-\d{{2}})", note):
        d = parse_day(m.group(2))
        checked += 1
        if d is None or WEEKDAYS[d.weekday()] != m.group(1):
            err(
                f"{where}: note says {m.group(1)} {m.group(2)} but that day is {WEEKDAYS[d.weekday()] if d else 'invalid'}"
            )
    for m in re.finditer(rf"\b(\d{{4}}-\d{{2}}-\d{{2}}) \(({WD})\)", note):
        d = parse_day(m.group(1))
        checked += 1
        if d is None or WEEKDAYS[d.weekday()] != m.group(2):
            err(
                f"{where}: note says {m.group(1)} ({m.group(2)}) but that day is {WEEKDAYS[d.weekday()] if d else 'invalid'}"
            )
    pat = (
        rf"'([^']*)' in an article of (?:(?:{WD}) )?(\d{{4}}-\d{{2}}-\d{{2}}) = (?:(?:{WD}) )?(\d{{4}}-\d{{2}}-\d{{2}})"
    )
    for m in re.finditer(pat, note):
        cue, art, res = m.group(1), parse_day(m.group(2)), parse_day(m.group(3))
        checked += 1
        if art is None or res is None:
            err(f"{where}: unparsable dates in note: {m.group(0)}")
            continue
        if art not in pub.values():
            warn(f"{where}: note's article date {art} is not the published date of any mentioning article {files}")
        cue_days = re.findall(rf"\b({WD})\b", cue)
        if cue_days and WEEKDAYS[res.weekday()] != cue_days[-1]:
            err(f"{where}: cue '{cue}' names {cue_days[-1]} but {res} is a {WEEKDAYS[res.weekday()]}")
        if cue_days and abs((art - res).days) > 6:
            err(f"{where}: cue '{cue}' resolves {abs((art - res).days)} days away from the article date {art}")
        if accepted is not None and not any(a <= res <= b for a, b in accepted):
            err(f"{where}: note resolves '{cue}' to {res}, outside the event's date")
    return checked


def main() -> int:
    coverage = "--coverage" in sys.argv
    texts: dict[str, str] = {}
    pubs: dict[str, dt.date] = {}
    for path in sorted((HERE / "articles").glob("[0-9][0-9][0-9]_*.json")):
        try:
            a = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            err(f"{path.name}: does not parse: {e}")
            continue
        for k in ("title", "url", "publisher", "published", "text"):
            if k not in a:
                err(f"{path.name}: missing '{k}'")
        if not isinstance(a.get("text"), str) or not a.get("text", "").strip():
            err(f"{path.name}: empty text")
            continue
        d = parse_published(a.get("published"))
        if d is None:
            err(f"{path.name}: 'published' is not an ISO date or datetime: {a.get('published')!r}")
        else:
            pubs[path.name] = d
        texts[path.name] = a["text"]
        n_sent = len([s for s in sentences(a["text"]) if len(s.split()) >= 4])
        if n_sent < 5:
            warn(f"{path.name}: only {n_sent} sentence-like lines of 4+ words")

    try:
        gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"ERROR gold.json does not parse: {e}")
        return 1

    if gold.get("match_rules") != RULES:
        err("match_rules differ from the four agreed rules")
    arts = gold.get("articles", {})
    if set(arts) != set(texts):
        err(f"articles in gold.json and files differ: {sorted(set(arts) ^ set(texts))}")
    for fn, meta in arts.items():
        if fn in texts:
            f = json.loads((HERE / "articles" / fn).read_text(encoding="utf-8"))
            for k in ("publisher", "published", "title", "url"):
                if meta.get(k) != f.get(k):
                    err(f"{fn}: gold articles['{k}'] differs from the file")

    mention_spans: dict[str, list[str]] = {fn: [] for fn in texts}
    keys: set[str] = set()
    tiers = {"required": 0, "optional": 0}
    n_mentions = 0
    weekday_checks = 0
    by_happening: dict[str, set[str]] = {}
    for i, e in enumerate(gold.get("events", [])):
        key = e.get("key", f"#{i}")
        where = f"event {key}"
        if key in keys:
            err(f"{where}: duplicate key")
        keys.add(key)
        if e.get("tier") not in TIERS:
            err(f"{where}: bad tier {e.get('tier')!r}")
        else:
            tiers[e["tier"]] += 1
        if e.get("type") not in TYPES:
            err(f"{where}: bad type {e.get('type')!r}")
        if e.get("precision") not in PRECISIONS:
            err(f"{where}: bad precision {e.get('precision')!r}")
        rng = parse_gold_date(e.get("date", ""))
        if rng is None:
            err(f"{where}: bad date {e.get('date')!r}")
        elif (rng[1] - rng[0]).days > 1 and e.get("precision") == "day":
            warn(f"{where}: a range of more than two days with precision 'day'")
        elif rng[0] == rng[1] and e.get("precision") != "day":
            warn(f"{where}: a single day with precision {e.get('precision')!r}")
        if "date_also_accepted" in e and parse_day(e["date_also_accepted"]) is None:
            err(f"{where}: bad date_also_accepted {e['date_also_accepted']!r}")
        for k in ("actors", "summary"):
            if not e.get(k):
                err(f"{where}: missing {k}")
        mentions = e.get("mentions") or {}
        if not mentions or not any(mentions.values()):
            err(f"{where}: no mentions")
        for fn, quotes in mentions.items():
            if fn not in texts:
                err(f"{where}: unknown file {fn}")
                continue
            by_happening.setdefault(e.get("happening", "?"), set()).add(fn)
            for q in quotes:
                n_mentions += 1
                if q not in texts[fn]:
                    if norm(q) in norm(texts[fn]):
                        err(f"{where}: quote found only after normalisation in {fn}: {q!r}")
                    else:
                        err(f"{where}: quote not found in {fn}: {q!r}")
                words = len(q.split())
                if words < 3 or words > 25:
                    warn(f"{where}: quote of {words} words in {fn}: {q!r}")
                mention_spans[fn].append(q)
        if e.get("note"):
            files = list(mentions)
            accepted = [rng] if rng else []
            if parse_day(e.get("date_also_accepted", "")):
                d2 = parse_day(e["date_also_accepted"])
                accepted.append((d2, d2))
            weekday_checks += check_weekdays(
                where, e["note"], {f: pubs[f] for f in files if f in pubs}, files, accepted
            )
        if rng and e.get("tier") == "required":
            # a required day-precision event dated after every article that mentions it is suspicious
            latest = max((pubs[f] for f in mentions if f in pubs), default=None)
            if latest and rng[0] > latest + dt.timedelta(days=1):
                err(f"{where}: dated {rng[0]} after its latest mentioning article ({latest})")

    for fn, meta in arts.items():
        if meta.get("note") and fn in pubs:
            weekday_checks += check_weekdays(f"article {fn}", meta["note"], {fn: pubs[fn]}, [fn])

    for pair in gold.get("distractor_pairs", []):
        for k in pair.get("events", []):
            if k not in keys:
                err(f"distractor_pairs: unknown event {k}")

    negs = (gold.get("negatives") or {}).get("quotes") or {}
    n_neg = 0
    for fn, quotes in negs.items():
        if fn not in texts:
            err(f"negatives: unknown file {fn}")
            continue
        sents = sentences(texts[fn])
        for q in quotes:
            n_neg += 1
            if q not in texts[fn]:
                err(f"negative not found in {fn}: {q!r}")
                continue
            for m in mention_spans[fn]:
                if norm(m) in norm(q) or norm(q) in norm(m):
                    err(f"{fn}: negative {q!r} overlaps mention {m!r}")
            for s in sents:
                if norm(q) in norm(s) or norm(s) in norm(q):
                    for m in mention_spans[fn]:
                        if norm(m) in norm(s):
                            warn(f"{fn}: negative {q!r} shares a sentence with mention {m!r}")

    if coverage:
        for fn in sorted(texts):
            quotes = [norm(q) for q in mention_spans[fn] + negs.get(fn, [])]
            loose = [s for s in sentences(texts[fn]) if not any(q in norm(s) or norm(s) in q for q in quotes)]
            if loose:
                print(f"-- {fn}: {len(loose)} untouched sentence(s)")
                for s in loose:
                    print(f"     {s[:150]}")

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(
        f"articles: {len(texts)}  happenings: {len(by_happening)}  events: {sum(tiers.values())} "
        f"(required {tiers['required']}, optional {tiers['optional']})  mention quotes: {n_mentions}  "
        f"negatives: {n_neg} in {len(negs)} articles  weekday claims checked: {weekday_checks}"
    )
    for h, fs in sorted(by_happening.items()):
        print(f"  {h}: {len(fs)} articles")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
