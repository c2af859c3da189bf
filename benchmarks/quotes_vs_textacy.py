"""Quotes: communique against textacy's `direct_quotations`, on the same gold articles.

    .venv/bin/python benchmarks/quotes_vs_textacy.py                      # ../shared/eval/dev
    .venv/bin/python benchmarks/quotes_vs_textacy.py ../shared/eval/polnear-dev

textacy (the `bench` extra: pip install -e '.[bench]') is the common baseline for
quote attribution on spaCy. Both run on the same spaCy model; both are scored by
`../shared/eval/score.py` (quote_span: the spans, quote_attrib: spans with the right
speaker). textacy raises on an article with an odd number of quotation marks (an
unclosed quote); such an article counts as "no quotes found" for it, and the number
of them is printed. Its speaker tokens are widened to the named entity around them,
so a surname alone is not held against it. A script, not a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE.parent.parent / "shared" / "eval" / "dev"


def load_scorer(gold_dir: Path) -> Any:
    path = gold_dir.parent / "score.py"
    spec = importlib.util.spec_from_file_location("eval_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ours(gold: list[dict]) -> tuple[dict[str, dict], float]:
    from communique import Pipeline, annotate
    from communique.settings import Settings

    pipeline = Pipeline(Settings.load(annotators=("actors", "quotes")))
    start = time.perf_counter()
    preds = {}
    for g in gold:
        doc = annotate(g["text"], published=g.get("published"), pipeline=pipeline)
        preds[g["id"]] = {
            "id": g["id"],
            "text": doc.text,
            "quotes": [
                {
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "speaker": {"name": q.speaker.name if q.speaker else None},
                }
                for q in doc.quotes
            ],
        }
    return preds, time.perf_counter() - start


def textacy_quotes(gold: list[dict]) -> tuple[dict[str, dict], float, int]:
    from textacy.extract.triples import direct_quotations

    from communique.parsing import load_nlp

    nlp = load_nlp(None)
    start = time.perf_counter()
    preds, failed = {}, 0
    for g in gold:
        doc = nlp(g["text"])
        quotes = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an unclosed quotation mark: textacy gives up on the article
            failed += 1
            triples = []
        for speaker, _cue, content in triples:
            inner = content[1:-1] if len(content) > 2 else content
            quotes.append(
                {
                    "text": inner.text,
                    "start": inner.start_char,
                    "end": inner.end_char,
                    "speaker": {"name": _widen(doc, speaker)},
                }
            )
        preds[g["id"]] = {"id": g["id"], "text": g["text"], "quotes": quotes}
    return preds, time.perf_counter() - start, failed


def _widen(doc: Any, tokens: list[Any]) -> str:
    """The named entity around the speaker tokens, else the tokens themselves."""
    if not tokens:
        return ""
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    for ent in doc.ents:
        if ent.start <= lo < ent.end or ent.start < hi <= ent.end:
            lo, hi = min(lo, ent.start), max(hi, ent.end)
    return doc[lo:hi].text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="a folder of gold articles (*.json)"
    )
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        sys.exit(f"{args.gold} is not a folder of gold articles")
    if importlib.util.find_spec("textacy") is None:
        sys.exit("textacy is not installed: pip install -e '.[bench]'")
    scorer = load_scorer(args.gold)
    gold = scorer.load_gold(str(args.gold))
    gold = [g for g in gold if g.get("quotes") is not None]

    our_preds, our_time = ours(gold)
    tx_preds, tx_time, tx_failed = textacy_quotes(gold)
    rows = []
    for name, preds, seconds in (("communique", our_preds, our_time), ("textacy", tx_preds, tx_time)):
        result, _ = scorer.score(gold, preds)
        zero = {"p": 0.0, "r": 0.0, "f1": 0.0}
        rows.append((name, result.get("quote_span", zero), result.get("quote_attrib", zero), seconds))

    n_gold = sum(1 for g in gold for q in g["quotes"] if not q.get("optional"))
    print(f"{args.gold}: {len(gold)} articles, {n_gold} gold quotes (optional ones aside)")
    print(
        f"{'':12} {'span P':>7} {'span R':>7} {'span F1':>8}"
        f" {'attr P':>7} {'attr R':>7} {'attr F1':>8} {'seconds':>8}"
    )
    for name, span, attrib, seconds in rows:
        print(
            f"{name:12} {span['p']:7.3f} {span['r']:7.3f} {span['f1']:8.3f} "
            f"{attrib['p']:7.3f} {attrib['r']:7.3f} {attrib['f1']:8.3f} {seconds:8.1f}"
        )
    print(f"textacy gave up on {tx_failed} of {len(gold)} articles (an unclosed quotation mark).")
    print("seconds: spaCy parse included on both sides; communique also runs its actors layer")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
