"""Readers: every format gives Articles; bad inputs give one InputError each, naming the file."""

from __future__ import annotations

import json

from communique.errors import InputError
from communique.reading import content_id, read_sources, split_front_matter


def test_text_file_with_front_matter_gives_metadata_and_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\ntitle: Talks resume\nsource: Wire\npublished: 2025-05-28\n---\nThe talks resumed.\n")
    [article] = read_sources([f])
    assert article.title == "Talks resume"
    assert article.source == "Wire"
    assert article.published == "2025-05-28"
    assert article.text == "The talks resumed.\n"
    assert article.id == content_id(article.text)


def test_text_without_front_matter_keeps_a_leading_rule_line(tmp_path):
    meta, body = split_front_matter("---\nNot: front matter at all, just prose\n")
    assert meta == {}
    assert body.startswith("---")


def test_jsonl_keeps_given_ids_and_reports_the_broken_line(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": "Lavrov met Rubio.", "published": "2025-05-28"}),
        "{not json",
        "",
        json.dumps({"id": "two", "text": "Kyiv backed the proposal."}),
        json.dumps({"id": "three", "title": "no text"}),
    ]
    f.write_text("\n".join(lines))
    results = list(read_sources([f]))
    good = [r for r in results if not isinstance(r, InputError)]
    bad = [r for r in results if isinstance(r, InputError)]
    assert [a.id for a in good] == ["one", "two"]
    assert good[1].published is None
    assert [(e.line, e.origin) for e in bad] == [(2, str(f)), (5, str(f))]
    assert str(bad[0]).startswith(f"{f}:2: invalid JSON")


def test_html_is_read_with_title_date_and_url(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Envoys meet | Paper</title>"
        '<meta property="article:published_time" content="2025-06-10T09:00:00Z">'
        '<meta property="og:url" content="https://paper.example/2025/06/10/envoys"></head>'
        "<body><nav>Home | World</nav><article><h1>Envoys meet</h1>"
        "<p>The envoys of both countries met in Geneva on Tuesday to discuss the exchange of prisoners.</p>"
        "<p>They agreed to meet again next month, officials from both delegations said afterwards.</p>"
        "</article></body></html>"
    )
    [article] = read_sources([f])
    assert "met in Geneva" in article.text
    assert "Home | World" not in article.text
    assert article.published == "2025-06-10"
    assert article.url == "https://paper.example/2025/06/10/envoys"


def test_publication_date_falls_back_to_the_url(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "Talks.", "url": "https://x.example/news/2024/12/11/talks"}))
    [article] = read_sources([f])
    assert (article.published, article.date_source) == ("2024-12-11", "url")


def test_folder_is_read_recursively_and_bad_files_are_reported_not_raised(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("Ukraine and Russia held talks.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    results = list(read_sources([tmp_path]))
    errors = sorted(str(r) for r in results if isinstance(r, InputError))
    assert [r.text for r in results if not isinstance(r, InputError)] == ["Ukraine and Russia held talks."]
    assert errors == [
        f"{tmp_path / 'blob.bin'}: binary file (not text, HTML or JSON)",
        f"{tmp_path / 'empty.txt'}: empty file",
    ]


def test_legacy_encoding_is_decoded(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(
        "Le ministre français a rencontré son homologue à Genève pour des négociations.".encode("cp1252")
    )
    [article] = read_sources([f])
    assert "français" in article.text


def test_missing_path_is_one_error(tmp_path):
    [err] = list(read_sources([tmp_path / "nope.txt"]))
    assert isinstance(err, InputError)
    assert "no such file" in str(err)


def test_publication_date_falls_back_to_the_dateline(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("GENEVA, March 4, 2025 (Wire) - Envoys met on Tuesday to discuss a truce.\n")
    [article] = read_sources([f])
    assert (article.published, article.date_source) == ("2025-03-04", "dateline")
    g = tmp_path / "other.txt"
    g.write_text("Envoys met on Tuesday, 4 March, to discuss a truce.\n")
    [undated] = read_sources([g])
    assert undated.published is None
