"""The ordered runner: clean -> parse -> annotate, in batches.

`Pipeline.pipe` streams articles through spaCy's `nlp.pipe` and then through
each registered annotator. Failures on one article become `InputError`
values in the output stream (batch mode) or are raised (`raise_errors=True`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from . import __version__
from .annotators import build, get_spec
from .cleaning import clean_text
from .document import Article, Document, Sentence
from .errors import InputError
from .parsing import load_nlp
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Result = Document | InputError


@lru_cache(maxsize=1)
def knowledge_fingerprint() -> str:
    """A short hash of every shipped knowledge file: data changes are version changes."""
    digest = hashlib.sha256()
    root = resources.files("communique.knowledge")
    stack = [root]
    entries = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith((".yaml", ".yml", ".csv", ".txt", ".json", ".jsonl")):
                entries.append(child)
    for entry in sorted(entries, key=lambda e: str(e)):
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version(annotators: Iterable[str]) -> str:
    return f"{__version__}+{knowledge_fingerprint()}:{','.join(annotators)}"


class Pipeline:
    """spaCy plus communique's annotators, loaded once and reused for every article."""

    def __init__(self, settings: Settings | None = None, disable: Iterable[str] = ()):
        self.settings = settings or Settings.load()
        skip = set(disable)
        self.annotator_names = tuple(n for n in self.settings.annotators if n not in skip)
        _check_order(self.annotator_names)
        self.nlp = load_nlp(self.settings.spacy_model)
        self.annotators = [(name, build(name, self.nlp)) for name in self.annotator_names]
        self.version = pipeline_version(self.annotator_names)

    def __call__(self, article: Article) -> Document:
        result = next(self.pipe([article], raise_errors=True))
        assert isinstance(result, Document)
        return result

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
        n_process: int = 1,
        raise_errors: bool = False,
    ) -> Iterator[Result]:
        """Annotated Documents in input order; unreadable articles as InputError."""

        def prepared() -> Iterator[tuple[str, tuple[Article, str]]]:
            for article in articles:
                if len(article.text) > self.settings.max_chars:
                    yield "", (article, f"article is {len(article.text):,} characters, over the limit of {self.settings.max_chars:,}")
                    continue
                cleaned = clean_text(article.text)
                if not cleaned:
                    yield "", (article, "no article text left after cleaning")
                    continue
                yield cleaned, (article, "")

        size = batch_size or self.settings.batch_size
        for parsed, (article, problem) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=size, n_process=n_process):
            origin = article.origin or article.id
            if problem:
                error = InputError(origin, problem)
                if raise_errors:
                    raise error
                yield error
                continue
            try:
                yield self.annotate_parsed(article, parsed)
            except Exception as exc:  # one bad article must not stop a batch
                if raise_errors:
                    raise
                yield InputError(origin, f"annotation failed ({type(exc).__name__}: {exc})")

    def annotate_parsed(self, article: Article, parsed: Doc) -> Document:
        document = Document(article=article, text=parsed.text, sentences=_sentences(parsed))
        if not article.published:
            document.notes.append("no publication date: relative dates are left unresolved")
        for _name, annotate in self.annotators:
            annotate(document, parsed)
        return document


def _sentences(parsed: Doc) -> list[Sentence]:
    out = []
    for sent in parsed.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            out.append(Sentence(start, end))
    return out


def _check_order(names: tuple[str, ...]) -> None:
    """Each annotator's required layers must be assigned by an earlier one."""
    available: set[str] = {"text", "sentences"}
    for name in names:
        spec = get_spec(name)
        missing = [layer for layer in spec.requires if layer not in available]
        if missing:
            raise ValueError(f"annotator {name!r} needs {', '.join(missing)}, which no earlier annotator provides")
        available.update(spec.assigns)
