"""`communique.filters` (what a user types, checked) and `communique.display` (values in words)."""

from __future__ import annotations

import pytest

from communique.display import actor_label, human_date, human_span
from communique.filters import FilterError, parse_day, parse_modality, parse_type, resolve_actor


@pytest.mark.parametrize(
    ("text", "day"), [("2025-06-01", "2025-06-01"), (" 2025-6-1 ", "2025-06-01"), ("", None), (None, None)]
)
def test_a_day_is_read_in_iso_form(text, day) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(("text", "hint"), [
    ("2025-02-29", "did you mean 2025-02-28?"),
    ("2024-04-31", "did you mean 2024-04-30?"),
    ("2025-13-05", "did you mean 2025-05-13?"),
    ("13/05/2025", "did you mean 2025-05-13?"),
    ("05/06/2025", "did you mean 2025-06-05 or 2025-05-06?"),
    ("0000-01-01", "there is no year 0"),
    ("٢٠٢٥-٠١-٠١", "write YYYY-MM-DD"),
])
def test_a_day_that_does_not_exist_is_refused_with_the_nearest_one(text, hint) -> None:
    with pytest.raises(FilterError, match=hint.replace("?", r"\?")):
        parse_day(text)


def test_types_and_modalities_are_read_case_blind_and_plurals_get_a_suggestion() -> None:
    assert parse_type("consult") == "CONSULT"
    assert parse_modality("Future, hypothetical") == ("future", "hypothetical")
    assert len(parse_modality("all")) == 4
    with pytest.raises(FilterError, match="did you mean THREATEN"):
        parse_type("threatens")


@pytest.mark.parametrize(("text", "code", "name"), [
    ("RUS", "RUS", None), ("ukr", "UKR", None), ("Ukraine", "UKR", None), ("Kyiv", "UKR", None),
    ("NATO", "NATO", None), ("Hezbollah", "LBN", "Hezbollah"), ("Putin", "RUS", "Vladimir Putin"),
])
def test_an_actor_is_a_code_a_state_name_a_capital_a_group_or_a_person(text, code, name) -> None:
    key = resolve_actor(None, text)
    assert (key.code, key.name) == (code, name)


def test_an_unknown_actor_gets_the_nearest_name() -> None:
    with pytest.raises(FilterError, match="did you mean Germany"):
        resolve_actor(None, "Germnay")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-W20-WE", "weekend of 17-18 May 2025"),
        ("2025-W01", "week of 30 December 2024 - 5 January 2025"),
        ("2025-06", "June 2025"),
        ("2025-Q3", "Q3 2025"),
        ("2025-WI", "winter 2025"),
        ("2025-06-03", "2025-06-03"),
        ("PRESENT_REF", "now"),
    ],
)
def test_timex_values_read_in_words_and_days_stay_iso(value, words) -> None:
    assert human_date(value) == words


def test_spans_and_actor_labels() -> None:
    assert human_span("2025-06-09", "2025-06-15") == "9-15 June 2025"
    assert human_span("2025-06-01", "2025-06-30") == "June 2025"
    assert actor_label("RUS") == "RUS Russia" and actor_label("COD") == "COD DR Congo"
    assert actor_label("LBN", "Hezbollah") == "LBN Hezbollah" and actor_label("EU") == "EU"
    assert actor_label(None, "Western partners") == "Western partners"
