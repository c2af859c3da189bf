"""Screening, beside reading: what a reader yields is admitted and screened before any engine sees it.

`screened` is the one step between reading and annotating, for `ingest` (any engine)
and `extract` alike: the input boundary (`boundary.admit`: valid Unicode, dates in
range, a text spaCy accepts), then what communique does not read (another language)
or does not trust (a publication date in the future). What it sets aside travels on
`Article.notes` (and so into the Document); what it refuses comes back as an
InputError or a SkippedInput naming the input.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from .boundary import admit
from .document import Article
from .errors import InputError, SkippedInput
from .language import detect_language

# A date this far ahead of today is not a publication date (time zones allow one day).
FUTURE_TOLERANCE = timedelta(days=1)


def screened(item: Article | InputError, max_chars: int, today: date | None = None) -> Article | InputError:
    """The article to annotate, or the InputError (a SkippedInput when deliberate) that says why not.

    Never raises: whatever one input does, it is one InputError and the batch goes on.
    """
    if isinstance(item, InputError):
        return item
    try:
        article = admit(item, max_chars)
        return article if isinstance(article, InputError) else screen(article, today)
    except Exception as exc:  # whatever one article does, the batch goes on
        origin = item.origin or item.id
        return InputError(str(origin), f"cannot be read ({type(exc).__name__}: {exc})")


def screen(article: Article, today: date | None = None) -> Article | SkippedInput:
    """An admitted article as communique reads it, or a SkippedInput when it is not in English.

    A publication date in the future is dropped (relative dates would resolve against it);
    the article is kept, with a note saying so.
    """
    guess = detect_language(article.text)
    if guess is not None:
        message = f"skipped: the text is in {guess.name} ({guess.code}); communique reads English"
        return SkippedInput(article.origin or article.id, message)
    limit = ((today or date.today()) + FUTURE_TOLERANCE).isoformat()
    if article.published and article.published > limit:
        note = f"publication date {article.published} is in the future; ignored"
        return dataclasses.replace(article, published=None, date_source=None, notes=[*article.notes, note])
    return article
