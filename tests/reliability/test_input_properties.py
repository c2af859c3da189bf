"""Property-based tests: readers, the cleaner and the annotators on arbitrary input.

No exception escapes, and every offset an annotation carries lies inside the
text it points into.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.cleaning import clean_field, clean_text
from communique.errors import InputError
from communique.reading import decode_bytes, read_sources

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".md", ""]
QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''"]
WORDS = [
    "Lavrov", "said", "the", "talks", "would", "resume", "on", "Monday", "Ukraine", "Russia", "told",
    "reporters", "\u2014", ",", ".", "\n", "we", "will", "not", "accept", "NATO", "in", "Geneva", "next",
    "week",
]
_CONTROL_OR_BIDI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

# database=None: no .hypothesis folder is left in the checkout.
quick = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(st.binary(max_size=4096))
def test_decoding_any_bytes_gives_text_or_one_input_error(raw):
    try:
        text = decode_bytes(raw, "x.txt")
    except InputError as err:
        assert err.origin == "x.txt"
    else:
        assert text.strip()


@quick
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_reading_any_file_yields_articles_or_errors_naming_it(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(raw)
        results = list(read_sources([path]))
    assert results
    for r in results:
        if isinstance(r, InputError):
            assert r.origin.startswith(str(path))
        else:
            assert r.text.strip() and r.id and r.origin.startswith(str(path))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
article_like = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=200), json_values)},
    optional={"id": json_values, "title": json_values, "published": json_values, "url": json_values},
)


@quick
@given(
    st.lists(
        st.one_of(article_like.map(json.dumps), json_values.map(json.dumps), st.text(max_size=80)),
        max_size=12,
    )
)
def test_jsonl_with_any_lines_reads_every_line_or_reports_it(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text(
            "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines), encoding="utf-8"
        )
        results = list(read_sources([path]))
    assert results
    for r in results:
        if isinstance(r, InputError):
            assert r.origin == str(path)
        else:
            assert isinstance(r.text, str) and r.text.strip()
            assert r.published is None or re.fullmatch(r"\d{4}-\d\d-\d\d", r.published)


@quick
@given(st.text(max_size=2000))
def test_cleaning_any_text_leaves_no_control_characters(text):
    cleaned = clean_text(text)
    assert not _CONTROL_OR_BIDI.search(cleaned)
    assert cleaned == cleaned.strip()
    assert not re.search(r"[^\w\s]{64,}", cleaned)


@quick
@given(st.one_of(st.none(), st.text(max_size=3000)))
def test_metadata_fields_are_single_safe_lines(value):
    cleaned = clean_field(value)
    if cleaned is not None:
        assert cleaned and len(cleaned) <= 2000
        assert not _CONTROL_OR_BIDI.search(cleaned) and "\n" not in cleaned


def _assert_offsets_inside(doc) -> None:
    n = len(doc.text)
    spans = [(q.start, q.end) for q in doc.quotes]
    spans += [(t.start, t.end) for t in doc.timexes]
    spans += [(m.start, m.end) for a in doc.actors for m in a.mentions]
    spans += [(e.evidence.start, e.evidence.end) for e in doc.events]
    spans += [(p.start, p.end) for p in doc.positions]
    spans += [(s.start, s.end) for s in doc.sentences]
    for start, end in spans:
        assert 0 <= start <= end <= n, (start, end, n)
    for q in doc.quotes:
        assert q.text in doc.text
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


article_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTE_MARKS), st.text(max_size=6)),
    min_size=1,
    max_size=60,
).map(" ".join) | st.lists(st.sampled_from(WORDS + QUOTE_MARKS), max_size=80).map("".join)


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=article_text)
def test_annotating_any_text_with_stray_quote_marks_keeps_offsets_inside(annotate, text):
    if not clean_text(text):
        return
    doc = annotate(text)
    _assert_offsets_inside(doc)
