"""Shared fixtures: the spaCy pipeline and communique's Pipeline are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def pipeline():
    from communique import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def annotate(pipeline):
    """annotate(text, published="2025-05-28") -> Document, with the session's pipeline."""
    import communique

    def run(text: str, published: str | None = "2025-05-28", **kwargs):
        return communique.annotate(text, published=published, pipeline=pipeline, **kwargs)

    return run


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (EVAL / "dev").is_dir():
        pytest.skip("../shared/eval is not here (a fresh clone elsewhere has none)")
    return EVAL


@pytest.fixture(scope="session")
def seed_article() -> str:
    path = SHARED / "examples" / "seed-article.txt"
    if not path.is_file():
        pytest.skip("../shared/examples/seed-article.txt is not here")
    return path.read_text(encoding="utf-8")


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def daily_db(tmp_path_factory) -> Path:
    """Hand-coded articles for the analyst's everyday checks (tests/daily_documents.py)."""
    from daily_documents import build

    return build(tmp_path_factory.mktemp("daily") / "daily.db")
