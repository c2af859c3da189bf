"""The ordered runner: clean -> parse -> annotate, in batches.

`Pipeline.pipe` streams articles through spaCy's `nlp.pipe`. The annotators run as
the last spaCy component (`communique_annotate`), so with `n_process > 1` they run in
spaCy's worker processes next to the parser, and the parent process only receives
finished Documents. Each text carries its article to the worker (`_Text.job`, read
by the tokenizer wrapper), so tokenizing stays in the workers too: spaCy's
`as_tuples=True` would tokenize in the parent. Failures on one article become `InputError` values in the output
stream (batch mode) or are raised (`raise_errors=True`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import knowledge
from ._version import __version__
from .annotators import build, check_disabled, plan
from .cleaning import clean_text
from .document import Article, Document, Sentence
from .errors import InputError
from .parsing import load_nlp
from .publication_date import guess_note
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Result = Document | InputError
ANNOTATE_COMPONENT = "communique_annotate"


@dataclass
class _Job:
    """One article on its way through spaCy: travels as the Doc's context (pickled
    to and from spaCy's worker processes) and comes back holding the Document."""

    article: Article
    problem: str = ""
    result: Any = None  # the Document, or what `finish` made of it
    raise_errors: bool = False
    finish: Callable[[Document], Any] | None = None
    disabled: frozenset[str] = frozenset()  # annotators switched off for this call only


class _Text(str):
    """A text to parse that carries its job; pickles with it to a worker process."""

    __slots__ = ("job",)

    def __new__(cls, text: str, job: _Job) -> _Text:
        self = super().__new__(cls, text)
        self.job = job
        return self

    def __reduce__(self):
        return _Text, (str(self), self.job)


JOB_KEY = "communique_job"


class _JobTokenizer:
    """The pipeline's tokenizer, also moving a `_Text`'s job into `doc.user_data`.

    spaCy sets `doc._context` only after tokenizing, and only from `as_tuples`.
    Everything else is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        job = getattr(text, "job", None)
        if job is None:
            return self.tokenizer(text)
        plain = str(text)  # the Cython tokenizer takes exact str only
        doc = self.tokenizer(plain)
        doc.user_data[JOB_KEY] = (job, plain)  # the text too: `doc.text` rebuilds it token by token
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def pipeline_version(annotators: Iterable[str]) -> str:
    return f"{__version__}+{knowledge.fingerprint()}:{','.join(annotators)}"


class Pipeline:
    """spaCy plus communique's annotators, loaded once and reused for every article."""

    def __init__(self, settings: Settings | None = None, disable: Iterable[str] = ()):
        self.settings = settings or Settings.load()
        skip = set(disable)
        asked = tuple(n for n in self.settings.annotators if n not in skip)
        self.annotator_names = plan(asked)
        # layers an asked-for annotator reads, whose annotators were added to provide them
        self.pulled_in = tuple(n for n in self.annotator_names if n not in asked)
        self.nlp = load_nlp(self.settings.spacy_model)
        self.annotators = [(name, build(name, self.nlp)) for name in self.annotator_names]
        self.version = pipeline_version(self.annotator_names)
        _add_annotate_component(self)

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
        finish: Callable[[Document], Any] | None = None,
        disable: Iterable[str] = (),
    ) -> Iterator[Any]:
        """Annotated Documents in input order; unreadable articles as InputError.

        `disable` switches annotators off for this call (as spaCy's `select_pipes`); an
        annotator still running may not need a disabled one's layers (ValueError).

        `finish`, if given, runs on each Document where it was made (in spaCy's worker
        process when `n_process > 1`) and its result comes out instead of the Document:
        e.g. `partial(store.to_record, pipeline_version=...)`, so the parent only writes.
        """

        disabled = check_disabled(self.annotator_names, disable)

        def prepared() -> Iterator[_Text]:
            for article in articles:
                if len(article.text) > self.settings.max_chars:
                    limit = f"article is {len(article.text):,} characters, over the limit of {self.settings.max_chars:,}"
                    yield _Text("", _Job(article, limit))
                    continue
                cleaned = clean_text(article.text)
                if not cleaned:
                    yield _Text("", _Job(article, "no article text left after cleaning"))
                    continue
                yield _Text(cleaned, _Job(article, raise_errors=raise_errors, finish=finish, disabled=disabled))

        size = batch_size or self.settings.batch_size
        for done in self.nlp.pipe(prepared(), batch_size=size, n_process=n_process):
            job = done._context
            if job.result is not None:
                yield job.result
                continue
            error = InputError(job.article.origin or job.article.id, job.problem)
            if raise_errors:
                raise error
            yield error

    def _annotate_job(self, parsed: Doc) -> Doc:
        """The `communique_annotate` component: fills the Doc's job with a Document.

        Returns an empty Doc: the parse is not needed after annotation, and an empty
        Doc is all spaCy has to serialize back from a worker process.
        """
        from spacy.tokens import Doc

        job, text = parsed.user_data.pop(JOB_KEY, (None, ""))
        if job is None:  # a plain nlp(text) call: nothing to annotate
            return parsed
        if not job.problem:
            try:
                document = self.annotate_parsed(job.article, parsed, text, job.disabled)
                job.result = job.finish(document) if job.finish is not None else document
            except Exception as exc:  # one bad article must not stop a batch
                if job.raise_errors:
                    raise
                job.problem = f"annotation failed ({type(exc).__name__}: {exc})"
        done = Doc(parsed.vocab, words=[])
        done._context = job
        return done

    def annotate_parsed(
        self, article: Article, parsed: Doc, text: str | None = None, disabled: frozenset[str] = frozenset()
    ) -> Document:
        """Run the annotators (but `disabled`) on a parse; `text` is `parsed.text` when the caller has it."""
        text = parsed.text if text is None else text
        document = Document(article=article, text=text, sentences=_sentences(parsed, text))
        if not article.published:
            document.notes.append("no publication date: relative dates are left unresolved")
        elif guessed := guess_note(article.published, article.date_source):
            document.notes.append(guessed)
        for name, annotate in self.annotators:
            if name not in disabled:
                annotate(document, parsed)
        return document


def _add_annotate_component(pipeline: Pipeline) -> None:
    from spacy.language import Language

    if not Language.has_factory(ANNOTATE_COMPONENT):
        Language.factory(ANNOTATE_COMPONENT, func=lambda nlp, name: _AnnotateComponent())
    component = pipeline.nlp.add_pipe(ANNOTATE_COMPONENT, last=True)
    component.pipeline = pipeline
    if not isinstance(pipeline.nlp.tokenizer, _JobTokenizer):
        pipeline.nlp.tokenizer = _JobTokenizer(pipeline.nlp.tokenizer)


class _AnnotateComponent:
    pipeline: Pipeline | None = None

    def __call__(self, parsed: Doc) -> Doc:
        return self.pipeline._annotate_job(parsed) if self.pipeline is not None else parsed


def _sentences(parsed: Doc, text: str) -> list[Sentence]:
    """Sentence bounds without surrounding whitespace (`text` is the parsed text: a
    Span's own `.text` is rebuilt token by token)."""
    out = []
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(start, end))
    return out

