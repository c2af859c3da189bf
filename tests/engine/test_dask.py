"""The Dask engine: a real LocalCluster with two worker processes stores what a local run stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

ARTICLES = [
    ("d1", "2025-05-28", "Turkey offers to host new talks",
     "Turkish Foreign Minister Hakan Fidan said on Tuesday that Ankara was ready to host "
     "a new round of talks. "
     '"We are ready to help," Fidan told reporters in Ankara.'),
    ("d2", "2025-05-29", "Sanctions announced",
     "The European Union imposed new sanctions on Russia on Thursday, officials in Brussels said. "
     "Moscow rejected the measures and accused Brussels of blocking a settlement."),
    ("d3", "2025-06-02", "Ministers speak by phone",
     "Sergey Lavrov, Russia's foreign minister, spoke by phone with Marco Rubio, "
     "the US secretary of state, on Monday. "
     "The two men discussed the next round of negotiations, the State Department said."),
    ("d4", "2025-06-03", "Prisoner exchange",
     "Russia and Ukraine exchanged 390 prisoners on Friday, "
     "the first stage of a deal reached in Istanbul last week. "
     '"Our people are home," the Ukrainian president wrote.'),
    ("d5", "2025-06-04", "Envoys received",
     "Tomas Varga received the envoys on Wednesday and promised an answer within a week."),
]
PLACING = (
    "Defence Minister Tomas Varga of Hungary said on Monday that the army would hold no exercises this year."
)


def _corpus(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for id_, published, title, text in ARTICLES:
            fh.write(json.dumps({"id": id_, "published": published, "title": title, "text": text}) + "\n")
    return path


def _contents(db: Path) -> dict[str, object]:
    from communique.store import Store

    with Store(db, readonly=True) as store:
        documents = {a: store.document(a).to_dict() for a, *_ in ARTICLES}
        events = [{k: v for k, v in row.items() if k != "id"} for row in store.events(include_negated=True)]
        return {"documents": documents, "events": events, "quotes": store.quotes(), "stats": store.stats()}


@pytest.mark.slow
def test_cluster_ingest_stores_the_same_record_as_a_single_process_run(pipeline, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    from communique.engine.dask import ingest_dask
    from communique.engine.local import ingest
    from communique.store import Store

    corpus = _corpus(tmp_path)
    # an earlier article placed a person: both engines name his country where a later one does not
    placing = tmp_path / "earlier.txt"
    placing.write_text(f"---\npublished: 2025-05-20\n---\n{PLACING}\n", encoding="utf-8")
    with Store(tmp_path / "local.db") as store:
        ingest([placing], store, pipeline)
        local = ingest([corpus], store, pipeline)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
        Store(tmp_path / "dask.db") as store,
    ):
        ingest([placing], store, pipeline)
        # one article per batch, so both workers annotate some of them
        remote = ingest_dask([corpus], store, client, settings=pipeline.settings, batch_size=1)
        placed = store.conn.execute(
            "SELECT country FROM actors WHERE article_id = 'd5' AND name = 'Tomas Varga'"
        )
        assert [r[0] for r in placed] == ["HUN"]
        # each worker process built its own pipeline, i.e. both annotated articles
        built = client.run(
            lambda: __import__("communique.engine.dask").engine.dask.worker_pipeline.cache_info().currsize
        )
    assert sorted(built.values()) == [1, 1]
    assert (local.stored, local.failed) == (len(ARTICLES), 0)
    assert (remote.stored, remote.failed) == (len(ARTICLES), 0)
    assert remote.counts == local.counts
    assert _contents(tmp_path / "dask.db") == _contents(tmp_path / "local.db")


def test_articles_already_stored_are_not_sent_to_the_cluster(pipeline, tmp_path: Path) -> None:
    from communique.engine.dask import ingest_dask
    from communique.engine.local import ingest
    from communique.store import Store

    corpus = _corpus(tmp_path)

    class NoCluster:
        """Fails the test if anything is submitted."""

        def nthreads(self) -> dict[str, int]:
            return {"w": 1}

        def submit(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("an already stored article was sent to the cluster")

    with Store(tmp_path / "db.db") as store:
        ingest([corpus], store, pipeline)
        report = ingest_dask([corpus], store, NoCluster(), settings=pipeline.settings)  # type: ignore[arg-type]
    assert (report.stored, report.skipped) == (0, len(ARTICLES))


def test_spacy_worker_processes_give_the_same_documents_as_one_process(pipeline) -> None:
    """`--jobs 2` parses in spaCy's worker processes: the annotators' components must survive the trip."""
    from communique.document import Article

    articles = [Article(id=i, text=text, title=title, published=day) for i, day, title, text in ARTICLES]
    one = [d.to_dict() for d in pipeline.pipe(articles, batch_size=2)]
    two = [d.to_dict() for d in pipeline.pipe(articles, batch_size=2, n_process=2)]
    assert [d["id"] for d in two] == [a.id for a in articles]
    assert two == one
    assert any(d["events"] for d in two) and any(d["quotes"] for d in two)


def _made_in(document) -> tuple[str, int]:
    import os

    return document.id, os.getpid()


def test_with_worker_processes_annotation_runs_in_the_workers(pipeline) -> None:
    """The parent only receives results: `finish` runs where the Document was made."""
    import os

    from communique.document import Article

    articles = [Article(id=i, text=text, title=title, published=day) for i, day, title, text in ARTICLES]
    here = list(pipeline.pipe(articles, finish=_made_in))
    there = list(pipeline.pipe(articles, batch_size=1, n_process=2, finish=_made_in))
    assert [pid for _, pid in here] == [os.getpid()] * len(articles)
    assert [i for i, _ in there] == [a.id for a in articles]
    assert os.getpid() not in {pid for _, pid in there}
