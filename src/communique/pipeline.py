"""The ordered runner: clean -> parse -> annotate, in batches.

`Pipeline.pipe` streams articles through spaCy's `nlp.pipe`. The annotators run as
the last spaCy component (`communique_annotate`), so with `n_process > 1` they run in
spaCy's worker processes next to the parser, and the parent process only receives
finished Documents. Each text carries its article to the worker (`_Text.job`, read
by the tokenizer wrapper), so tokenizing stays in the workers too: spaCy's
`as_tuples=True` would tokenize in the parent. Failures on one article become
`InputError` values in the output stream (batch mode) or are raised
(`raise_errors=True`).
"""

from __future__ import annotations

import dataclasses
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .annotators import build, check_disabled, plan
from .boundary import MAX_SENTENCE_CHARS, admit, split_long_runs
from .cleaning import clean_text
from .document import Article, Document, Sentence
from .errors import InputError
from .knowledge import Knowledge
from .parsing import load_nlp
from .publication_date import guess_note
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Result = Document | InputError
ANNOTATE_COMPONENT = "communique_annotate"
# A cleaned text longer than this is parsed in pieces of about this size (see `Pipeline._parse_in_pieces`).
PARSE_PIECE_CHARS = 50_000
# Docs each spaCy component runs its model over at once. The model's working memory grows with the
# tokens of that batch (about 10 KB a token in tok2vec and the parser: 600 MB for 32 long articles),
# while its output does not depend on the batch and its speed hardly does. Articles still travel to
# spaCy's worker processes `Settings.batch_size` at a time.
MODEL_BATCH_DOCS = 4


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
    long_text: str | None = None  # a text to parse in pieces (see `PARSE_PIECE_CHARS`), not in one Doc


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


def pipeline_version(annotators: Iterable[str], knowledge: Knowledge | None = None) -> str:
    """The code, the knowledge files (the user's folder too) and the annotators that read an article."""
    knowledge = knowledge or Knowledge.from_env()
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
        # one limit on characters, ours and spaCy's: the boundary refuses what spaCy would raise on
        self.nlp.max_length = self.settings.max_chars
        # the knowledge files are read once for the whole pipeline and handed to every annotator
        self.knowledge = Knowledge(self.settings.knowledge)
        self.annotators = [(name, build(name, self.nlp, self.knowledge)) for name in self.annotator_names]
        self.version = pipeline_version(self.annotator_names, self.knowledge)
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
        on_note: Callable[[Article, str], None] | None = None,
    ) -> Iterator[Any]:
        """Annotated Documents in input order; unreadable articles as InputError.

        `disable` switches annotators off for this call (as spaCy's `select_pipes`); an
        annotator still running may not need a disabled one's layers (ValueError).

        `finish`, if given, runs on each Document where it was made (in spaCy's worker
        process when `n_process > 1`) and its result comes out instead of the Document:
        e.g. `partial(store.to_record, pipeline_version=...)`, so the parent only writes.
        `on_note(article, note)` hears of each limit that bit on the way in (a sentence split).
        Every article passes the input boundary (`boundary.admit`) first. If spaCy itself
        fails on a batch, its articles are tried again one by one, so only the one that
        fails is lost (an InputError) and the rest of the stream goes on.
        """
        in_flight: deque[_Job] = deque()
        broken: list[Exception] = []  # the caller's own iterable failed: that is not an article's failure

        disabled = check_disabled(self.annotator_names, disable)

        def source() -> Iterator[Article]:
            try:
                yield from articles
            except Exception as exc:
                broken.append(exc)

        options = _Job(None, raise_errors=raise_errors, finish=finish, disabled=disabled)  # type: ignore[arg-type]
        texts = self._prepared(source(), in_flight, options, on_note)
        size = batch_size or self.settings.batch_size
        # each component runs its model over a few Docs at a time (see MODEL_BATCH_DOCS)
        small = {name: {"batch_size": min(size, MODEL_BATCH_DOCS)} for name in self.nlp.pipe_names}
        while True:
            try:
                docs = self.nlp.pipe(texts, batch_size=size, n_process=n_process, component_cfg=small)
                for done in _closing(docs, n_process):
                    in_flight.popleft()  # one doc per text, in input order
                    yield self._outcome(done._context, raise_errors)
                break
            except Exception:
                if raise_errors or broken:
                    raise
            # spaCy failed on a batch: its articles are tried one by one, then the stream resumes
            failed = list(in_flight)
            in_flight.clear()
            for job in failed:
                yield self._outcome(self._alone(job), raise_errors)
        if broken:
            raise broken[0]

    def _prepared(
        self,
        articles: Iterable[Article],
        in_flight: deque[_Job],
        options: _Job,
        on_note: Callable[[Article, str], None] | None,
    ) -> Iterator[_Text]:
        """Each article admitted, cleaned and bounded, as a text carrying its job (made like
        `options`) to spaCy."""
        for article in articles:
            job = dataclasses.replace(options, article=article)
            try:
                text = self._admitted_text(job, on_note)
            except Exception as exc:  # one article must not stop a batch
                if options.raise_errors:
                    raise
                text, job.problem = "", f"cannot be prepared ({type(exc).__name__}: {exc})"
            in_flight.append(job)
            yield _for_spacy(text, job)

    def _admitted_text(self, job: _Job, on_note: Callable[[Article, str], None] | None) -> str:
        """The cleaned text to parse for `job`'s article ("" with `job.problem` set when there is none)."""
        admitted = admit(job.article, self.settings.max_chars)
        if isinstance(admitted, InputError):
            job.problem = admitted.reason
            return ""
        job.article = admitted
        cleaned = clean_text(admitted.text)
        if not cleaned:
            job.problem = "no article text left after cleaning"
            return ""
        cleaned, stretches = split_long_runs(cleaned)
        if stretches:
            note = (
                f"{stretches} stretch{'es' if stretches != 1 else ''} of over {MAX_SENTENCE_CHARS:,} "
                "characters with no sentence end split at spaces"
            )
            admitted.notes.append(note)
            if on_note is not None:
                on_note(admitted, note)
        return cleaned

    def _outcome(self, job: _Job, raise_errors: bool) -> Any:
        if job.result is not None:
            return job.result
        error = InputError(job.article.origin or job.article.id, job.problem or "annotation failed")
        if raise_errors:
            raise error
        return error

    def _alone(self, job: _Job) -> _Job:
        """`job` run through spaCy on its own, after its batch failed; the failure is kept on the job."""
        if job.problem:
            return job
        try:
            text = clean_text(job.article.text)
            done = self.nlp(_for_spacy(split_long_runs(text)[0], job))
            return done._context or job
        except Exception as exc:
            job.problem = f"parsing failed ({type(exc).__name__}: {exc})"
            return job

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
                if job.long_text is not None:
                    text, job.long_text = job.long_text, None  # (not sent back from a worker)
                    parsed = self._parse_in_pieces(text)
                document = self.annotate_parsed(job.article, parsed, text, job.disabled)
                job.result = job.finish(document) if job.finish is not None else document
            except Exception as exc:  # one bad article must not stop a batch
                if job.raise_errors:
                    raise
                job.problem = f"annotation failed ({type(exc).__name__}: {exc})"
        done = Doc(parsed.vocab, words=[])
        done._context = job
        return done

    def _parse_in_pieces(self, text: str) -> Doc:
        """One Doc for a long text, parsed piece by piece (cut at line breaks) and joined.

        spaCy's memory grows with the length of one Doc (about 1 GB for 300,000 characters);
        in pieces it stays that of one piece, and the joined Doc has the same text, so
        every offset still points into it. Pieces end at line breaks, which end sentences
        anyway, so no sentence is cut.
        """
        from spacy.tokens import Doc

        # one piece per batch: spaCy runs its model over a whole batch at once
        pieces = _pieces(text, PARSE_PIECE_CHARS)
        docs = list(self.nlp.pipe(pieces, batch_size=1, disable=[ANNOTATE_COMPONENT]))
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])

    def annotate_parsed(
        self, article: Article, parsed: Doc, text: str | None = None, disabled: frozenset[str] = frozenset()
    ) -> Document:
        """Run the annotators (but `disabled`) on a parse; `text` is `parsed.text` when the caller has it."""
        text = parsed.text if text is None else text
        document = Document(article=article, text=text, sentences=_sentences(parsed, text))
        document.notes.extend(article.notes)
        if not article.published:
            document.notes.append("no publication date: relative dates are left unresolved")
        elif guessed := guess_note(article.published, article.date_source):
            document.notes.append(guessed)
        for name, annotate in self.annotators:
            if name not in disabled:
                annotate(document, parsed)
        return document


def _for_spacy(text: str, job: _Job) -> _Text:
    """The text spaCy gets for `job`: a long one travels on the job, to be parsed in pieces."""
    if len(text) > PARSE_PIECE_CHARS:
        job.long_text = text
        return _Text("", job)
    return _Text(text, job)


def _pieces(text: str, size: int) -> Iterator[str]:
    """`text` in consecutive pieces of at most about `size` characters, joined back exactly.

    Each piece ends after a line break if there is one in its second half, else after a
    sentence's full stop and space, else after any whitespace.
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for mark in ("\n", ". ", " "):
            found = text.rfind(mark, start + size // 2, end)
            if found >= 0:
                cut = found + len(mark)
                break
        if cut < 0:
            cut = end  # no whitespace in the window: cut inside a token (not prose anyway)
        yield text[start:cut]
        start = cut
    yield text[start:]


def _closing(docs: Generator[Doc, None, None], n_process: int) -> Iterator[Doc]:
    """`docs` from `nlp.pipe`, with its worker processes (if any) tied to this process's life.

    The workers die with this process however it ends (see `engine.processes`), and when
    the caller stops early (an error, Ctrl-C, SIGTERM) they are stopped at once and the
    generator closed, rather than joined at garbage collection (or at exit, which hangs).
    """
    from .engine.processes import stop_workers, workers_die_with_parent

    finished = False
    with workers_die_with_parent() if n_process > 1 else nullcontext():
        try:
            yield from docs
            finished = True
        finally:
            if not finished and n_process > 1:
                stop_workers()
            with warnings.catch_warnings():  # spaCy's "not all worker processes completed": they were stopped
                warnings.simplefilter("ignore")
                docs.close()


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

