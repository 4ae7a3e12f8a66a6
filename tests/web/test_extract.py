"""``POST /api/extract``: size limit on the raw body, validation, the real pipeline."""

from __future__ import annotations

import json

import pytest

from .conftest import TestClient
from .test_api import assert_error


def test_body_over_the_limit_is_413_before_parsing(small_client: TestClient) -> None:
    body = b'{"text": "' + b"x" * 2_000 + b'"}'
    response = small_client.post(
        "/api/extract", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(small_client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(20):
            yield b"y" * 100
        yield b'"}'

    response = small_client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "payload_too_large")


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/extract",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    body = assert_error(response, 422, "invalid_request")
    assert body["error"] == "body: not valid JSON"


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({}, id="no-text"),
        pytest.param({"text": "   \n"}, id="blank-text"),
        pytest.param({"text": 42}, id="text-not-a-string"),
        pytest.param({"text": "Hi.", "published": "June"}, id="bad-date"),
        pytest.param({"text": "Hi.", "colour": "red"}, id="unknown-field"),
    ],
)
def test_invalid_bodies_are_422(client: TestClient, payload: object) -> None:
    response = client.post("/api/extract", content=json.dumps(payload))
    assert_error(response, 422, "invalid_request")


def test_extract_does_not_load_the_model_when_the_app_is_built(
    client: TestClient,
) -> None:
    assert client.app.state.extractor._resources is None  # type: ignore[attr-defined]


@pytest.mark.model
def test_extract_runs_the_real_pipeline(client: TestClient) -> None:
    text = (
        "US Secretary of State Antony Blinken met Chinese President Xi Jinping in "
        "Beijing on Monday. China accused Washington of spreading lies."
    )
    response = client.post(
        "/api/extract", json={"text": text, "published": "2023-06-19", "title": "T"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "dyad.article/1"
    assert body["article"]["published"] == "2023-06-19"
    assert body["article"]["title"] == "T"
    assert len(body["sentences"]) == 2
