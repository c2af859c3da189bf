"""Inputs at the edge of the per-article limits, for measuring time and peak memory.

Writes, from the demo articles in `examples/` (never from eval texts):

- `no-break-300k.txt`: 300 KB of demo words on one line with no sentence end,
- `ordinary-1.9mb.txt`: 1.9 MB of demo paragraphs, an ordinary article that is merely long,
- `ordinary-990k.txt`: just under spaCy's 1,000,000-character max_length,
- `attributes-64k.html`: a page whose paragraph carries 64,000 attributes.

Measure each with GNU time, e.g.

    .venv/bin/python benchmarks/long_inputs.py benchmarks/.data/long
    /usr/bin/time -v .venv/bin/communique extract benchmarks/.data/long/no-break-300k.txt > /dev/null

("Maximum resident set size" and "Elapsed (wall clock) time"); the README's
reliability section lists the figures.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import demo_articles  # noqa: E402


def _paragraphs() -> list[str]:
    return [p for article in demo_articles() for p in article["paragraphs"]]


def _cycled(pieces: list[str], size: int, separator: str) -> list[str]:
    """`pieces` repeated in turn until joined by `separator` they reach `size` characters."""
    out, length, i = [], 0, 0
    while length < size:
        out.append(pieces[i % len(pieces)])
        length += len(out[-1]) + len(separator)
        i += 1
    return out


def no_break(size: int) -> str:
    """Demo words with every sentence end and line break taken out, up to `size` characters."""
    words = re.sub(r"[.!?\n]", " ", " ".join(_paragraphs())).split()
    return " ".join(_cycled(words, size, " "))[:size]


def ordinary(size: int) -> str:
    """Demo paragraphs, one per line with a blank line between, up to about `size` characters."""
    paragraphs = ["Talks resume after a long pause", *_cycled(_paragraphs(), size, "\n\n")]
    return "\n\n".join(paragraphs)[:size]


def many_attributes(count: int) -> str:
    attributes = " ".join(f'data-a{i}="v"' for i in range(count))
    body = " ".join(_paragraphs()[:6])
    page = "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>{}</article></body></html>"
    return page.format(f"<p {attributes}>{body}</p>")


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "no-break-300k.txt": no_break(300_000),
        "ordinary-1.9mb.txt": ordinary(1_900_000),
        "ordinary-990k.txt": ordinary(990_000),
        "attributes-64k.html": many_attributes(64_000),
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"{out / name}: {len(text):,} characters")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/.data/long")
