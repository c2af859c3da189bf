"""Fuzz the JSON API from its own OpenAPI schema (schemathesis): no input may cause a 500.

Schemathesis generates requests that fit the schema and requests that break it
(bad types, out-of-range numbers, odd unicode); the app must answer every one
with a 2xx or a 4xx. The operations are listed from the schema at collection
time (no database needed for that) and each runs as its own test.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from communique.web import create_app  # noqa: E402

PATHS = create_app("schema-only.db", check=False).openapi()["paths"]
OPERATIONS = sorted(PATHS)
# a request can only break the schema through a parameter
WITH_PARAMETERS = sorted(p for p, ops in PATHS.items() if ops["get"].get("parameters"))


@pytest.fixture(scope="module")
def api_schema(coded_db):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(coded_db))


@pytest.mark.parametrize("path", OPERATIONS)
def test_no_generated_request_causes_a_server_error(api_schema, path):
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call()
        assert response.status_code < 500, f"{case.formatted_path} {case.query}: {response.text[:300]}"

    call()


@pytest.mark.parametrize("path", WITH_PARAMETERS)
def test_no_schema_breaking_request_causes_a_server_error(api_schema, path):
    from schemathesis.generation import GenerationMode

    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call()
        assert response.status_code < 500, f"{case.formatted_path} {case.query}: {response.text[:300]}"

    call()
