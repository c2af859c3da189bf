"""Titles: what the words around a name, or a bare title, say about an actor's role and country.

"Russia's lead negotiator, Vladimir Medinsky", "US State Department spokeswoman Tammy Bruce",
"Dmitry Peskov, the Kremlin spokesman," and "Ukrainian President Volodymyr Zelensky" all carry
a title phrase; `read_title` finds it on either side of the name and reads its role, country and
sector from the role lexicon and the gazetteer entities inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..places import Places
    from .gazetteer import Entry, Gazetteer

_STOP_DEPS = {"ROOT"}
_JOINERS = {"of", "'s", "’s", "-", "for", "and"}
# "killed Hezbollah's chief of staff, X", "met with Chile's envoy, Y": a verb or a preposition opens the
# noun phrase a title in apposition heads
_BEFORE_APPOSITION = {"VERB", "AUX", "ADP"}
_NOT_BEFORE_NAME = {"of", "for", "and", "-", "to", "with"}  # "envoy for Putin": Putin holds no title here


@dataclass(slots=True)
class Title:
    start: int  # token offsets of the phrase
    end: int
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    gender: str | None = None
    local: bool = False  # a governor or a mayor: the place nearby tells the country
    heads: set[str] = field(default_factory=set)
    org: Entry | None = None


class TitleReader:
    """Role lexicon compiled once: the words a title may be made of, and the roles by length."""

    def __init__(self, gaz: Gazetteer, places: Places | None = None):
        self.gaz = gaz
        self.places = places
        self.roles = {tuple(k.split()): v for k, v in gaz.roles.items()}
        self.max_len = max((len(k) for k in self.roles), default=1)
        self.words = {w for k in self.roles for w in k} | set(gaz.modifiers)

    # ---------------------------------------------------------------- phrase finding

    def _title_token(self, doc: Doc, i: int, gaz_tokens: set[int]) -> bool:
        t = doc[i]
        if i in gaz_tokens:
            return True
        low = t.lower_
        if low == "-":  # "then-President", not "North Korea - Russian President"
            return i > 0 and not t.whitespace_ and not doc[i - 1].whitespace_
        if low in self.words or low in _JOINERS:
            return True
        return t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_sent_start

    def around(self, doc: Doc, ent: Span, gaz_tokens: set[int], sentence: tuple[int, int]) -> Title | None:
        """The title phrase before a name, or in apposition on either side of it, inside the sentence
        whose token bounds are `sentence`; `gaz_tokens` holds the tokens of gazetteer names."""
        sent_start = sentence[0]
        # before the name, adjacent: "Ukrainian President Volodymyr Zelensky"
        j = ent.start
        adjacent = ent.start > sent_start and doc[ent.start - 1].lower_ not in _NOT_BEFORE_NAME
        while (
            adjacent
            and j - 1 >= sent_start
            and self._title_token(doc, j - 1, gaz_tokens)
            and doc[j - 1].lower_ not in ("and",)
        ):
            j -= 1
        while j < ent.start and doc[j].lower_ in _JOINERS:  # "- Defence Minister X": no leading dash
            j += 1
        title = self.read(doc, j, ent.start)
        if title is not None:
            return title
        # apposition before: "Russia's lead negotiator, Vladimir Medinsky"
        if ent.start - 1 > sent_start and doc[ent.start - 1].text == ",":
            k = ent.start - 1
            j = k
            while (
                j - 1 >= sent_start
                and self._title_token(doc, j - 1, gaz_tokens)
                and doc[j - 1].lower_ != "and"
            ):
                j -= 1
            if j == sent_start or doc[j - 1].lower_ in ("the", ",", "said", "and") or doc[j - 1].is_punct \
                    or doc[j - 1].pos_ in _BEFORE_APPOSITION:
                title = self.read(doc, j, k)
                if title is not None:
                    return title
        # apposition after: "Dmitry Peskov, the Kremlin spokesman," /
        # "Kyslytsia, First Deputy Foreign Minister of Ukraine,"
        end = sentence[1]
        if ent.end < end and doc[ent.end].text == ",":
            j = ent.end + 1
            if j < end and doc[j].lower_ in ("the", "a", "an"):
                j += 1
            k = j
            while k < end and self._title_token(doc, k, gaz_tokens) and doc[k].lower_ != "and":
                k += 1
            if k > j and (k == end or doc[k].is_punct):
                return self.read(doc, j, k)
        return None

    # ---------------------------------------------------------------- phrase reading

    def read(self, doc: Doc, start: int, end: int) -> Title | None:
        """Role, sector, country of the phrase doc[start:end], or None when it holds no role."""
        if end <= start:
            return None
        words = [doc[i].lower_ for i in range(start, end)]
        best: tuple[int, int] | None = None
        for i in range(len(words)):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                if tuple(words[i : i + n]) in self.roles:
                    if best is None or n > best[1] or (n == best[1] and i > best[0]):
                        best = (i, n)
                    break
        if best is None:
            return None
        info = self.roles[tuple(words[best[0] : best[0] + best[1]])]
        title = Title(
            start, end, sector=info.get("sector"), gender=info.get("gender"), local=bool(info.get("local"))
        )
        role_words = words[best[0] : best[0] + best[1]]
        title.heads = {info.get("head") or role_words[-1], role_words[-1]}
        # the role as written, without the country qualifier:
        # "lead negotiator", "state department spokeswoman"
        qualifier_end = self._qualifier(doc, start, start + best[0], title)
        role_start = max(qualifier_end, start)
        role_tokens = [
            w for w in words[role_start - start : best[0] + best[1]] if w not in ("'s", "’s", "the", "-")
        ]
        title.role = " ".join(role_tokens) or " ".join(role_words)
        if title.country is None:  # "Minister of Foreign Affairs of Ukraine"
            self._qualifier(doc, start + best[0] + best[1], end, title)
        if title.country is None:  # "Republican nominee", "the Democrat"
            parties = (self._party_country(doc, i, end) for i in range(start, end))
            title.country = next((c for c in parties if c), None)
        return title

    def _party_country(self, doc: Doc, i: int, end: int) -> str | None:
        """The state whose party a capitalised word names ("Republican nominee", "Democratic Sen."), unless
        it is part of a longer capitalised name ("Social Democrat", "Democratic Unionist Party")."""
        word = doc[i]
        code = self.gaz.party_qualifiers.get(word.lower_)
        if code is None or not word.is_title:
            return None
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.is_title and before.pos_ in ("PROPN", "ADJ", "NOUN") \
                and before.lower_ not in self.words:
            return None
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and i + 1 < end and not (after.is_lower or after.lower_ in self.words):
            return None
        return code

    def _longer_region(self, doc: Doc, i: int, n: int, entry: Entry) -> str | None:
        """The one other country with a state or province named by the capitalised word before a state's
        name and that name ("New Mexico", "Northern Ireland"), or None."""
        if self.places is None or entry.kind != "state" or i == 0 or not doc[i - 1].is_title:
            return None
        region = f"{doc[i - 1].text} {doc[i : i + n].text}"
        countries = self.places.subdivision_countries(region) - {entry.country}
        return next(iter(countries)) if len(countries) == 1 else None

    def _qualifier(self, doc: Doc, start: int, end: int, title: Title) -> int:
        """Read the country (and organisation) named in doc[start:end]; return where it ends."""
        last = start
        i = start
        while i < end:
            found = None
            for n in range(min(6, end - i), 0, -1):
                text = doc[i : i + n].text
                entries = self.gaz.lookup(text)
                if entries:
                    found = (n, entries[0])
                    break
            if found is None:
                i += 1
                continue
            n, entry = found
            region = self._longer_region(doc, i, n, entry)
            if region is not None:  # "the New Mexico senator": a US state's name, not Mexico
                title.country = title.country or region
                i += n
                continue
            if title.country is None:
                if entry.kind == "person":  # "Clinton spokesman X", "Putin aide Y": the principal's country
                    office = entry.office(None)
                    title.country = office.country if office is not None else None
                elif entry.kind in ("state", "demonym", "capital"):
                    title.country = entry.country
                elif entry.kind != "person" and entry.kind != "place":
                    title.country = entry.country
                    title.org = entry
                    if entry.kind == "igo" and title.sector == "GOV":
                        title.sector = "IGO"
            if entry.kind in ("state", "demonym", "capital"):
                last = i + n
                if last < end and doc[last].lower_ in ("'s", "’s"):
                    last += 1
            i += n
        return last
