"""Who and where: a gazetteer of countries, leaders, organisations and places, with the names news uses for them.

The database holds the working copy (Actor, ActorAlias), seeded from BUILTIN by a data migration;
the pipeline takes an alias table as a parameter and falls back to the built-in one.
An alias written with a leading "=" matches only with that exact capitalisation ("=US", "=the North").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

COUNTRY, PERSON, ORGANISATION, PLACE = "country", "person", "organisation", "place"

# (canonical name, kind, aliases)
BUILTIN: list[tuple[str, str, list[str]]] = [
    # countries; capitals and seats of government stand for their state in news copy
    (
        "North Korea",
        COUNTRY,
        [
            "North Korea",
            "North Korean",
            "North Koreans",
            "DPRK",
            "Pyongyang",
            "=the North",
            "=The North",
            "Democratic People's Republic of Korea",
            "Democratic People’s Republic of Korea",
        ],
    ),
    ("South Korea", COUNTRY, ["South Korea", "South Korean", "South Koreans", "Seoul", "Republic of Korea", "=ROK"]),
    (
        "United States",
        COUNTRY,
        [
            "United States",
            "=US",
            "=U.S.",
            "=USA",
            "=U.S.A.",
            "America",
            "American",
            "Americans",
            "Washington",
            "White House",
            "Pentagon",
            "State Department",
        ],
    ),
    ("Russia", COUNTRY, ["Russia", "Russian", "Russians", "Kremlin", "Moscow", "Russian Federation"]),
    ("Ukraine", COUNTRY, ["Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev"]),
    ("China", COUNTRY, ["China", "Chinese", "Beijing", "People's Republic of China", "=PRC"]),
    ("Japan", COUNTRY, ["Japan", "Japanese", "Tokyo"]),
    ("Taiwan", COUNTRY, ["Taiwan", "Taiwanese", "Taipei"]),
    ("Iran", COUNTRY, ["Iran", "Iranian", "Iranians", "Tehran"]),
    ("Israel", COUNTRY, ["Israel", "Israeli", "Israelis", "Jerusalem"]),
    ("Palestine", COUNTRY, ["Palestine", "Palestinian", "Palestinians", "Palestinian Authority", "Ramallah"]),
    ("Syria", COUNTRY, ["Syria", "Syrian", "Damascus"]),
    ("Lebanon", COUNTRY, ["Lebanon", "Lebanese", "Beirut"]),
    ("Iraq", COUNTRY, ["Iraq", "Iraqi", "Baghdad"]),
    ("Yemen", COUNTRY, ["Yemen", "Yemeni"]),
    ("Saudi Arabia", COUNTRY, ["Saudi Arabia", "Saudi", "Riyadh"]),
    ("Turkey", COUNTRY, ["Turkey", "Türkiye", "Turkish", "Ankara"]),
    ("Egypt", COUNTRY, ["Egypt", "Egyptian", "Cairo"]),
    ("Qatar", COUNTRY, ["Qatar", "Qatari", "Doha"]),
    ("United Kingdom", COUNTRY, ["United Kingdom", "Britain", "British", "=UK", "=U.K.", "Downing Street", "London"]),
    ("France", COUNTRY, ["France", "French", "Paris", "Elysee", "Élysée"]),
    ("Germany", COUNTRY, ["Germany", "German", "Berlin"]),
    ("Poland", COUNTRY, ["Poland", "Polish", "Warsaw"]),
    ("Belarus", COUNTRY, ["Belarus", "Belarusian", "Minsk"]),
    ("India", COUNTRY, ["India", "Indian", "New Delhi"]),
    ("Pakistan", COUNTRY, ["Pakistan", "Pakistani", "Islamabad"]),
    ("Afghanistan", COUNTRY, ["Afghanistan", "Afghan", "Kabul"]),
    ("Venezuela", COUNTRY, ["Venezuela", "Venezuelan", "Caracas"]),
    ("Cuba", COUNTRY, ["Cuba", "Cuban", "Havana"]),
    ("Mexico", COUNTRY, ["Mexico", "Mexican"]),
    ("Canada", COUNTRY, ["Canada", "Canadian", "Ottawa"]),
    ("Australia", COUNTRY, ["Australia", "Australian", "Canberra"]),
    ("Philippines", COUNTRY, ["Philippines", "Philippine", "Filipino", "Manila"]),
    ("Vietnam", COUNTRY, ["Vietnam", "Vietnamese", "Hanoi"]),
    ("Sudan", COUNTRY, ["Sudan", "Sudanese", "Khartoum"]),
    ("Ethiopia", COUNTRY, ["Ethiopia", "Ethiopian", "Addis Ababa"]),
    ("Libya", COUNTRY, ["Libya", "Libyan", "Tripoli"]),
    ("Serbia", COUNTRY, ["Serbia", "Serbian", "Belgrade"]),
    ("Georgia", COUNTRY, ["=Georgia", "Georgian", "Tbilisi"]),
    ("Armenia", COUNTRY, ["Armenia", "Armenian", "Yerevan"]),
    ("Azerbaijan", COUNTRY, ["Azerbaijan", "Azerbaijani", "Baku"]),
    # people
    ("Kim Jong Un", PERSON, ["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "Kim Jongun", "=Mr Kim", "=Mr. Kim", "=Kim"]),
    ("Kim Yo Jong", PERSON, ["Kim Yo Jong", "Kim Yo-jong"]),
    ("Ri Hi Yong", PERSON, ["Ri Hi Yong", "Ri Hi-yong", "Ri Hi-Yong"]),
    ("Choe Son Hui", PERSON, ["Choe Son Hui", "Choe Son-hui"]),
    ("Vladimir Putin", PERSON, ["Vladimir Putin", "Putin", "=Mr Putin"]),
    ("Sergei Lavrov", PERSON, ["Sergei Lavrov", "Lavrov"]),
    ("Sergei Shoigu", PERSON, ["Sergei Shoigu", "Shoigu"]),
    ("Volodymyr Zelensky", PERSON, ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy"]),
    ("Joe Biden", PERSON, ["Joe Biden", "Biden"]),
    ("Donald Trump", PERSON, ["Donald Trump", "Trump"]),
    ("Kamala Harris", PERSON, ["Kamala Harris"]),
    ("Antony Blinken", PERSON, ["Antony Blinken", "Blinken"]),
    ("Marco Rubio", PERSON, ["Marco Rubio", "Rubio"]),
    ("Lloyd Austin", PERSON, ["Lloyd Austin"]),
    ("Pete Hegseth", PERSON, ["Pete Hegseth", "Hegseth"]),
    ("Xi Jinping", PERSON, ["Xi Jinping", "=Xi"]),
    ("Yoon Suk Yeol", PERSON, ["Yoon Suk Yeol", "Yoon Suk-yeol", "=Yoon"]),
    ("Lee Jae-myung", PERSON, ["Lee Jae-myung", "Lee Jae Myung"]),
    ("Fumio Kishida", PERSON, ["Fumio Kishida", "Kishida"]),
    ("Shigeru Ishiba", PERSON, ["Shigeru Ishiba", "Ishiba"]),
    ("Benjamin Netanyahu", PERSON, ["Benjamin Netanyahu", "Netanyahu"]),
    ("Ali Khamenei", PERSON, ["Ali Khamenei", "Khamenei"]),
    ("Recep Tayyip Erdogan", PERSON, ["Recep Tayyip Erdogan", "Erdogan", "Erdoğan"]),
    ("Emmanuel Macron", PERSON, ["Emmanuel Macron", "Macron"]),
    ("Olaf Scholz", PERSON, ["Olaf Scholz", "Scholz"]),
    ("Keir Starmer", PERSON, ["Keir Starmer", "Starmer"]),
    ("Narendra Modi", PERSON, ["Narendra Modi", "Modi"]),
    ("Alexander Lukashenko", PERSON, ["Alexander Lukashenko", "Lukashenko"]),
    ("Mark Rutte", PERSON, ["Mark Rutte", "Rutte"]),
    ("Jens Stoltenberg", PERSON, ["Jens Stoltenberg", "Stoltenberg"]),
    ("Antonio Guterres", PERSON, ["Antonio Guterres", "António Guterres", "Guterres"]),
    ("Ursula von der Leyen", PERSON, ["Ursula von der Leyen", "von der Leyen"]),
    ("Gen Nakatani", PERSON, ["Gen Nakatani", "Nakatani"]),
    # organisations
    (
        "NATO",
        ORGANISATION,
        ["=NATO", "=Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"],
    ),
    ("United Nations", ORGANISATION, ["United Nations", "=UN", "=U.N."]),
    ("UN Security Council", ORGANISATION, ["UN Security Council", "U.N. Security Council", "Security Council"]),
    ("European Union", ORGANISATION, ["European Union", "=EU", "=E.U.", "Brussels"]),
    ("International Atomic Energy Agency", ORGANISATION, ["International Atomic Energy Agency", "=IAEA"]),
    ("G7", ORGANISATION, ["=G7", "=G-7", "Group of Seven"]),
    ("ASEAN", ORGANISATION, ["=ASEAN", "Association of Southeast Asian Nations"]),
    ("Hamas", ORGANISATION, ["Hamas"]),
    ("Hezbollah", ORGANISATION, ["Hezbollah"]),
    ("Houthis", ORGANISATION, ["Houthis", "Houthi"]),
    ("Korean Central News Agency", ORGANISATION, ["Korean Central News Agency", "=KCNA"]),
    ("National Intelligence Service", ORGANISATION, ["National Intelligence Service", "=NIS"]),
    ("Joint Chiefs of Staff", ORGANISATION, ["Joint Chiefs of Staff", "=JCS"]),
    (
        "Workers' Party of Korea",
        ORGANISATION,
        [
            "Workers' Party of Korea",
            "Worker’s Party of Korea",
            "Worker's Party of Korea",
            "Workers’ Party of Korea",
            "=WPK",
        ],
    ),
    # places
    ("Kursk", PLACE, ["Kursk"]),
    ("Donbas", PLACE, ["Donbas", "Donbass"]),
    ("Donetsk", PLACE, ["Donetsk"]),
    ("Luhansk", PLACE, ["Luhansk"]),
    ("Zaporizhzhia", PLACE, ["Zaporizhzhia"]),
    ("Kherson", PLACE, ["Kherson"]),
    ("Kharkiv", PLACE, ["Kharkiv"]),
    ("Crimea", PLACE, ["Crimea", "Crimean"]),
    ("Gaza", PLACE, ["Gaza", "Gaza Strip"]),
    ("West Bank", PLACE, ["West Bank"]),
    ("Korean Peninsula", PLACE, ["Korean Peninsula", "Korean peninsula"]),
    ("Sea of Japan", PLACE, ["Sea of Japan", "East Sea", "=eastern sea", "=eastern seas"]),
    ("Yellow Sea", PLACE, ["Yellow Sea"]),
    ("Taiwan Strait", PLACE, ["Taiwan Strait"]),
    ("South China Sea", PLACE, ["South China Sea"]),
    ("Red Sea", PLACE, ["Red Sea"]),
    ("Black Sea", PLACE, ["Black Sea"]),
    ("Demilitarized Zone", PLACE, ["Demilitarized Zone", "Demilitarised Zone", "=DMZ"]),
    ("Persian Gulf", PLACE, ["Persian Gulf", "Arabian Gulf"]),
    ("Gulf of Oman", PLACE, ["Gulf of Oman"]),
    ("Strait of Hormuz", PLACE, ["Strait of Hormuz"]),
    ("Gulf of Aden", PLACE, ["Gulf of Aden"]),
    ("Golan Heights", PLACE, ["Golan Heights"]),
    ("Rafah", PLACE, ["Rafah"]),
    ("Odesa", PLACE, ["Odesa", "Odessa"]),
    ("Belgorod", PLACE, ["Belgorod"]),
    ("Nagorno-Karabakh", PLACE, ["Nagorno-Karabakh", "Karabakh"]),
    ("Kashmir", PLACE, ["Kashmir"]),
    ("Xinjiang", PLACE, ["Xinjiang"]),
    ("Hong Kong", PLACE, ["Hong Kong"]),
    ("Vladivostok", PLACE, ["Vladivostok"]),
    ("Hokkaido", PLACE, ["Hokkaido"]),
]


@dataclass(frozen=True)
class AliasEntry:
    alias: str
    actor: str
    kind: str
    case_sensitive: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    actor: str
    kind: str


def builtin_aliases() -> list[AliasEntry]:
    """The built-in table as alias entries (also what the data migration stores)."""
    entries = []
    for name, kind, aliases in BUILTIN:
        for alias in aliases:
            exact = alias.startswith("=")
            entries.append(AliasEntry(alias=alias.lstrip("="), actor=name, kind=kind, case_sensitive=exact))
    return entries


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for many words, shaped as a trie so matching does not try each word in turn.

    Longer continuations come before the end of a word, so the longest alias wins.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{inner})?"
        return inner

    return build(trie)


class Gazetteer:
    """Finds actors and places in text; longest alias wins, whole words only."""

    def __init__(self, entries: list[AliasEntry]) -> None:
        self.entries = list(entries)
        self._exact: dict[str, AliasEntry] = {}
        self._folded: dict[str, AliasEntry] = {}
        for e in self.entries:
            if e.case_sensitive:
                self._exact[e.alias] = e
            else:
                self._folded[e.alias.lower()] = e
        self.kinds = {e.actor: e.kind for e in self.entries}
        body = _trie_pattern({e.alias.lower() for e in self.entries}) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)

    def find(self, text: str) -> list[Hit]:
        hits = []
        for m in self._pattern.finditer(text):
            found = m.group(0)
            entry = self._exact.get(found) or self._folded.get(found.lower())
            if entry is None:
                continue
            hits.append(Hit(m.start(), m.end(), found, entry.actor, entry.kind))
        return hits


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer(builtin_aliases())


def gazetteer_from_rows(rows: list[tuple[str, str, str, bool]]) -> Gazetteer:
    """A gazetteer from (alias, actor name, kind, case_sensitive) rows, as read from the database."""
    return Gazetteer([AliasEntry(alias=a, actor=n, kind=k, case_sensitive=cs) for a, n, k, cs in rows])
