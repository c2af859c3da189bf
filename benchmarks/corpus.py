"""Benchmark corpora: real article texts read in place, and a synthetic one.

Real: the article texts of the shared evaluation sets (`../shared/eval`: dev,
polnear-dev, tempeval-train), read where they lie and written, without their
annotations, to a JSONL file outside the project (a temporary folder); repeated
with new ids up to the size asked for, so a run is long enough to measure. The
figure users care about is this one.

Synthetic: the articles in `examples/` are read with communique's own reader, cut
into paragraphs, and recombined: each generated article takes the headline of one
demo article and the paragraphs of three, in a shuffled order, with a shifted
publication date. The result is labelled as synthetic in its `source` field.
Both measure speed and memory, never quality.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples"
LABEL = "synthetic benchmark corpus (varied demo articles)"
REAL_LABEL = "real article texts of ../shared/eval (dev, polnear-dev, tempeval-train), repeated"
SHARED_EVAL = REPO.parent / "shared" / "eval"
REAL_SETS = ("dev", "polnear-dev", "tempeval-train")


def real_articles(eval_root: Path = SHARED_EVAL) -> list[dict]:
    """The input fields of every gold article in the real-text sets; empty when they are absent."""
    fields = ("id", "title", "source", "url", "published", "text")
    out = []
    for name in REAL_SETS:
        for gold in sorted((eval_root / name).glob("*.json")):
            record = json.loads(gold.read_text(encoding="utf-8"))
            if record.get("text"):
                out.append({key: record.get(key) for key in fields})
    return out


def generate_real(n: int, path: Path, eval_root: Path = SHARED_EVAL) -> Path | None:
    """Write `n` real articles as JSONL to `path`, cycling through the sets; None when absent."""
    base = real_articles(eval_root)
    if not base:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = dict(base[i % len(base)])
            record["id"] = f"real-{i // len(base)}-{record['id']}"
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def demo_articles(folder: Path = DEMO) -> list[dict]:
    """The demo corpus as dicts: title, published and paragraphs."""
    from communique.cleaning import clean_text
    from communique.document import Article
    from communique.reading import read_sources

    out = []
    for item in read_sources([folder]):
        if not isinstance(item, Article):
            continue
        lines = [line.strip() for line in clean_text(item.text).split("\n") if line.strip()]
        if item.title and lines and lines[0] == item.title.strip():
            lines = lines[1:]  # the headline is re-added per generated article
        if lines:
            out.append({"title": item.title or lines[0], "published": item.published, "paragraphs": lines})
    if not out:
        raise SystemExit(f"no demo articles in {folder}: the benchmark corpus is generated from them")
    return out


def generate(n: int, path: Path, *, seed: int = 7, folder: Path = DEMO) -> Path:
    """Write `n` varied articles as JSONL to `path` (skipped when it already holds `n`)."""
    if path.exists() and sum(1 for _ in path.open(encoding="utf-8")) == n:
        return path
    rng = random.Random(seed)
    base = demo_articles(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for i in range(n):
            picked = rng.sample(base, k=min(3, len(base)))
            paragraphs = [p for art in picked for p in art["paragraphs"]]
            rng.shuffle(paragraphs)
            first = picked[0]
            anchor = date.fromisoformat(first["published"]) if first["published"] else date(2025, 6, 1)
            published = anchor + timedelta(days=rng.randint(-180, 180))
            record = {
                "id": f"bench-{i:05d}",
                "title": first["title"],
                "source": LABEL,
                "url": f"https://bench.example/{published:%Y/%m/%d}/{i}",
                "published": published.isoformat(),
                "text": first["title"] + "\n" + "\n".join(paragraphs),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    print(generate(count, REPO / "benchmarks" / ".data" / f"corpus-{count}.jsonl"))
