"""communique: news about diplomacy and conflict as a sourced, queryable record.

    >>> import communique
    >>> doc = communique.annotate("Lavrov spoke with Rubio on Wednesday.", published="2025-05-28")
    >>> doc.to_dict()["timexes"][0]["value"]
    '2025-05-28'
"""

from __future__ import annotations

from ._api import annotate, annotate_many, load  # noqa: E402
from ._version import __version__
from .document import Article, Document  # noqa: E402
from .pipeline import Pipeline  # noqa: E402
from .settings import Settings  # noqa: E402
from .store import Store  # noqa: E402

__all__ = [
    "Article", "Document", "Pipeline", "Settings", "Store", "annotate", "annotate_many", "load",
    "__version__",
]
