"""The notebook-facing functions; the CLI, web app and Dask job call these too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .document import Article, Document
from .errors import InputError
from .pipeline import Pipeline
from .reading import content_id, normalize_date
from .settings import Settings

_default: Pipeline | None = None


def load(settings: Settings | None = None, **overrides: Any) -> Pipeline:
    """A new Pipeline (spaCy and every annotator loaded once)."""
    return Pipeline(settings or Settings.load(**overrides))


def _pipeline(pipeline: Pipeline | None) -> Pipeline:
    global _default
    if pipeline is not None:
        return pipeline
    if _default is None:  # cached so a notebook pays the loading cost once
        _default = Pipeline()
    return _default


def annotate(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Annotate one article's text and return its Document."""
    article = Article(
        id=id or content_id(text),
        text=text,
        title=title,
        source=source,
        url=url,
        published=normalize_date(published) if published else None,
        date_source="given" if published else None,
    )
    return _pipeline(pipeline)(article)


def annotate_many(
    articles: Iterable[Article | dict[str, Any]],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Document | InputError]:
    """Annotate many articles in batches; failures are yielded as InputError values."""

    def as_articles() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, Article):
                yield item
            else:
                text = item["text"]
                yield Article(
                    id=str(item.get("id") or content_id(text)),
                    text=text,
                    title=item.get("title"),
                    source=item.get("source"),
                    url=item.get("url"),
                    published=normalize_date(item.get("published")),
                    date_source="given" if item.get("published") else None,
                )

    yield from _pipeline(pipeline).pipe(as_articles(), batch_size=batch_size, n_process=n_process)
