"""Bare spaCy over the benchmark corpus: the baseline communique is compared with.

Reads the same JSONL, runs `nlp.pipe` of the same spaCy model (as shipped, no
communique components) with `n_process`, and writes one line per parsed
article so the harness can follow progress. Usage:

    python benchmarks/bare.py CORPUS.jsonl --jobs 2 > out.txt
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator


def texts(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)["text"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    import spacy

    from communique.parsing import FALLBACK_MODELS
    from communique.settings import Settings

    model = args.model or Settings.load().spacy_model
    for name in ([model] if model else []) + list(FALLBACK_MODELS):
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError):
            continue
    else:
        raise SystemExit("no spaCy model")
    out = sys.stdout
    for doc in nlp.pipe(texts(args.corpus), batch_size=args.batch_size, n_process=args.jobs):
        out.write(f"{len(doc)}\n")
    out.flush()


if __name__ == "__main__":
    main()
