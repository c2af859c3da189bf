"""Property: arbitrary JSON objects and byte strings among good articles never cost a good article.

Hypothesis writes each example as a folder: three good articles and up to four
bad inputs (JSON lines with any keys and values, lone surrogates and huge numbers
included, and files of arbitrary bytes under any suffix). After `ingest`:
every good article is stored once and whole, the database passes its integrity
check, every input (a file, or a line of a JSONL file) has exactly one outcome (stored,
skipped or failed), and no input gets more than one error line.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import check_stored, write_articles

from communique.engine.local import ingest
from communique.errors import printable
from communique.store import Store

KEYS = ["id", "title", "text", "published", "date", "url", "source"]
NASTY_TEXT = st.sampled_from(
    [
        "\ud800",
        "\udfff x",
        "\x1b[2J",
        "\u202e",
        "\x00",
        "0000-00-00",
        "0001-01-01",
        "http://[::1/x",
        "http://h:99999/",
        "9999-12-31",
        "2025-02-30",
        " ",
        "",
    ]
)
scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=120) | NASTY_TEXT
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
objects = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_values, max_size=6)
RAW_LINES = st.sampled_from(
    [
        '{"id": "big", "text": "x", "published": ' + "9" * 5000 + "}",
        '{"text": "Envoys met \\ud800 in Geneva on Monday and agreed to talk again next week."}',
        '{"text": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"text": "unterminated',
    ]
)
bad_inputs = st.lists(
    st.one_of(
        objects.map(lambda o: ("jsonl", json.dumps(o).encode())),
        RAW_LINES.map(lambda line: ("jsonl", line.encode())),
        st.tuples(st.sampled_from(["txt", "html", "json", "jsonl", "md", "dat"]), st.binary(max_size=1500)),
    ),
    min_size=1,
    max_size=4,
)


def _inputs_in(suffix: str, content: bytes) -> int:
    """How many inputs a file holds: a JSONL file is one input a non-blank line (an empty one is still
    one, which fails); any other file is one."""
    if suffix != "jsonl":
        return 1
    return max(1, sum(1 for line in content.split(b"\n") if line.strip()))


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(bad=bad_inputs)
@example(bad=[("jsonl", b"\x00\n\x00")])  # two bad lines in one JSONL file are two inputs
def test_bad_inputs_among_good_articles_cost_no_good_article(pipeline, ledger, bad):
    ledger.tried("hypothesis-input", len(bad))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        expected = write_articles(folder, 3)
        paths = []
        for i, (suffix, content) in enumerate(bad):
            path = folder / f"bad-{i}.{suffix}"
            path.write_bytes(content)
            paths.append(path)
        db = Path(tmp) / "p.db"
        with Store(db) as store:
            report = ingest([folder], store, pipeline)
        check_stored(ledger, db, expected)
        inputs = sum(_inputs_in(suffix, content) for suffix, content in bad)
        assert report.stored + report.replaced + report.skipped + report.failed == len(expected) + inputs
        for path, (suffix, content) in zip(paths, bad, strict=True):
            lines = sum(1 for e in report.errors if e.startswith(printable(str(path))))
            assert lines <= _inputs_in(suffix, content)
        for line in report.errors + report.notes:
            assert "\n" not in line and "\x1b" not in line
