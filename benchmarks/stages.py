"""Where the time goes, stage by stage, in one process: read, clean, spaCy, each annotator,
JSON serialization and store writes. Optionally under pyinstrument for a call tree.

The spaCy stage runs `Pipeline.nlp` (the model plus the components annotators add),
so "spaCy" here is slightly more than bare spaCy.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from pathlib import Path


def breakdown(corpus: Path, limit: int = 300) -> list[tuple[str, float]]:
    """(stage, seconds per 1,000 articles) over the first `limit` articles of `corpus`."""
    from itertools import islice

    from communique.cleaning import clean_text
    from communique.document import Article
    from communique.feeds import iter_sources
    from communique.pipeline import Pipeline
    from communique.store import Store

    pipeline = Pipeline()
    spent: dict[str, float] = defaultdict(float)

    t = time.perf_counter()
    articles = [a for a in islice(iter_sources([corpus]), limit) if isinstance(a, Article)]
    spent["read (JSONL -> Article)"] += time.perf_counter() - t

    t = time.perf_counter()
    texts = [clean_text(a.text) for a in articles]
    spent["clean"] += time.perf_counter() - t

    import spacy

    bare = spacy.load(pipeline.nlp.meta["lang"] + "_" + pipeline.nlp.meta["name"])
    added = [n for n in pipeline.nlp.pipe_names if n not in bare.pipe_names]
    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=pipeline.settings.batch_size):
        pass
    spent["bare spaCy nlp.pipe (model as shipped)"] += time.perf_counter() - t
    del bare

    t = time.perf_counter()
    parsed = list(pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    spent[f"spaCy nlp.pipe in Pipeline (adds {', '.join(added) or 'nothing'})"] += time.perf_counter() - t

    def timed(name: str, func):
        def run(document, doc):
            start = time.perf_counter()
            func(document, doc)
            spent[f"annotator: {name}"] += time.perf_counter() - start

        return run

    pipeline.annotators = [(name, timed(name, func)) for name, func in pipeline.annotators]
    t = time.perf_counter()
    documents, failed = [], 0
    for article, doc in zip(articles, parsed, strict=True):
        try:
            documents.append(pipeline.annotate_parsed(article, doc))
        except Exception:  # annotators are work in progress: time the rest anyway
            failed += 1
    spent["annotate (total, incl. Document setup)"] += time.perf_counter() - t
    if failed:
        spent[f"({failed} of {len(articles)} articles failed in an annotator)"] += 0.0

    t = time.perf_counter()
    for document in documents:
        document.to_json()
    spent["Document.to_json"] += time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "stages.db") as store:
        t = time.perf_counter()
        for document in documents:
            store.save(document, pipeline.version)
        spent["store.save (incl. to_json)"] += time.perf_counter() - t

    scale = 1000 / max(len(articles), 1)
    return [(name, seconds * scale) for name, seconds in spent.items()]


def profile(corpus: Path, limit: int, html: Path | None = None) -> str:
    """A pyinstrument call tree of `communique ingest` over the first `limit` articles."""
    from itertools import islice

    from pyinstrument import Profiler

    from communique.engine.local import ingest
    from communique.pipeline import Pipeline
    from communique.store import Store

    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with corpus.open(encoding="utf-8") as src:
            subset.write_text("".join(islice(src, limit)), encoding="utf-8")
        with Store(Path(tmp) / "profile.db") as store:
            profiler = Profiler(interval=0.002)
            profiler.start()
            ingest([subset], store, pipeline)
            profiler.stop()
    if html:
        html.write_text(profiler.output_html(), encoding="utf-8")
    return profiler.output_text(unicode=True, color=False, show_all=False)
