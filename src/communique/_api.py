"""The notebook-facing functions; the CLI, web app and Dask job call these too."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
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
    """Annotate many articles in batches, one result per item in input order.

    An item that cannot be annotated (not an Article or a dict, a dict without a `text`
    string, a text that cannot be read) comes back as an InputError naming its position;
    the rest of the batch goes on.
    """
    # per item read: its error, or None for one sent to the pipeline
    pending: deque[InputError | None] = deque()

    def as_articles() -> Iterator[Article]:
        for position, item in enumerate(articles):
            try:
                article = _as_article(item, position)
            except InputError as error:
                pending.append(error)
                continue
            pending.append(None)
            yield article

    for result in _pipeline(pipeline).pipe(as_articles(), batch_size=batch_size, n_process=n_process):
        while pending and pending[0] is not None:
            yield pending.popleft()  # type: ignore[misc]
        if pending:
            pending.popleft()
        yield result
    while pending:  # bad items after the last good one
        error = pending.popleft()
        if error is not None:
            yield error


def _as_article(item: Any, position: int) -> Article:
    """An Article from an Article or a mapping with a `text` string; anything else is an InputError."""
    origin = f"item {position}"
    if isinstance(item, Article):
        return item
    if not isinstance(item, Mapping):
        raise InputError(origin, f"expected an Article or a dict with a 'text', not {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "no 'text' string" if not isinstance(text, str) else "empty 'text'")
    published = normalize_date(item.get("published"))
    return Article(
        id=str(item.get("id") or content_id(text)),
        text=text,
        title=item.get("title"),
        source=item.get("source"),
        url=item.get("url"),
        published=published,
        date_source="given" if published else None,
    )
