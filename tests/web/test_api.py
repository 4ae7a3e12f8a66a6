"""The JSON API in-process against a real store file: status codes and shapes."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import LOCAL, TestClient

ERROR_KEYS = {"ok", "error", "code", "status"}


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    assert response.status_code == status
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False
    assert body["status"] == status
    assert body["code"] == code
    assert body["error"]
    return body


def test_articles_lists_newest_first_with_counts(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert [a["article_id"] for a in body["items"]] == [
        "art-usa-chn-2",
        "art-usa-chn-1",
        "art-rus-ukr",
    ]
    assert body["items"][1]["events"] == 3


def test_articles_pages_with_limit_and_offset(client: TestClient) -> None:
    body = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert (body["total"], body["limit"], body["offset"]) == (3, 1, 1)
    assert [a["article_id"] for a in body["items"]] == ["art-usa-chn-1"]


def test_articles_match_words(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "kharkiv"}).json()
    assert [a["article_id"] for a in body["items"]] == ["art-rus-ukr"]


def test_article_is_served_in_the_contract(client: TestClient) -> None:
    body = client.get("/api/articles/art-usa-chn-1").json()
    assert body["schema"] == "dyad.article/1"
    assert list(body) == [
        "schema",
        "article",
        "sentences",
        "actors",
        "mentions",
        "times",
        "events",
        "quotes",
        "problems",
    ]
    assert [e["type"] for e in body["events"]] == ["CONSULT", "ACCUSE", "AGREE"]
    assert body["quotes"][0]["speaker"] == "a1"


def test_unknown_article_is_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/articles/nope"), 404, "not_found")


def test_events_filter_by_actor_and_recipient(client: TestClient) -> None:
    body = client.get("/api/events", params={"actor": "usa", "recipient": "CHN"}).json()
    assert body["total"] == 2
    assert {e["type"] for e in body["items"]} == {"CONSULT", "SANCTION"}
    assert all("USA" in e["actor_codes"] for e in body["items"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"type": "accuse"}, 2, id="type-any-case"),
        pytest.param({"modality": "hypothetical"}, 1, id="modality"),
        pytest.param(
            {"since": "2023-06-01", "until": "2023-06-30", "all_modalities": "true"},
            3,
            id="dates",
        ),
        pytest.param({"since": "2023-06-01", "until": "2023-06-30"}, 2, id="asserted"),
        pytest.param({"q": "balloon"}, 1, id="words"),
        pytest.param(
            {"actor": "", "type": "", "all_modalities": "true"}, 7, id="blank-means-any"
        ),
    ],
)
def test_events_filters(
    client: TestClient, params: dict[str, str], expected: int
) -> None:
    assert client.get("/api/events", params=params).json()["total"] == expected


def test_events_paginate(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == len(second["items"]) == 2
    ids = {(e["article_id"], e["event_id"]) for e in first["items"] + second["items"]}
    assert len(ids) == 4


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        pytest.param({"type": "HUG"}, "type", id="unknown-type"),
        pytest.param({"since": "yesterday"}, "since", id="bad-date"),
        pytest.param({"limit": "0"}, "limit", id="limit-too-small"),
        pytest.param({"limit": "x"}, "limit", id="limit-not-a-number"),
    ],
)
def test_bad_event_filters_are_422(
    client: TestClient, params: dict[str, str], fragment: str
) -> None:
    body = assert_error(
        client.get("/api/events", params=params), 422, "invalid_request"
    )
    assert fragment in body["error"]


@pytest.mark.issue(13)
def test_unknown_actor_code_is_422_with_suggestions(client: TestClient) -> None:
    body = assert_error(
        client.get("/api/events", params={"actor": "Chnia"}), 422, "unknown_code"
    )
    assert body["error"].startswith("actor: unknown country or actor code 'Chnia'")
    assert "CHN (China)" in body["error"]


def test_series_counts_asserted_events_by_month(client: TestClient) -> None:
    points = client.get("/api/series/USA/CHN").json()
    assert [p["label"] for p in points] == ["2023-06", "2023-07", "2023-08"]
    assert [p["events"] for p in points] == [2, 0, 2]
    assert points[2]["material_conflict"] == 1


def test_series_with_all_modalities_counts_the_hypothetical(client: TestClient) -> None:
    points = client.get(
        "/api/series/chn/usa", params={"all_modalities": "true", "by": "week"}
    ).json()
    assert sum(p["events"] for p in points) == 5


def test_series_rejects_an_unknown_period(client: TestClient) -> None:
    assert_error(
        client.get("/api/series/USA/CHN", params={"by": "year"}), 422, "invalid_request"
    )


def test_top_dyads_rank_by_events(client: TestClient) -> None:
    top = client.get("/api/top").json()
    assert (top[0]["a"], top[0]["b"], top[0]["events"]) == ("CHN", "USA", 4)


def test_clusters_and_actors_answer(client: TestClient) -> None:
    clusters = client.get("/api/clusters").json()
    assert clusters[0]["type"] == "SANCTION"
    actors = client.get("/api/actors", params={"code": "ukr"}).json()
    assert [a["name"] for a in actors] == ["Ukraine"]


def test_overview_twin_has_the_page_data(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["articles"] == 3
    assert body["top_dyads"][0]["dyad"]["a"] == "CHN"
    assert len(body["top_dyads"][0]["series"]) == 4
    assert body["latest_events"]
    assert {c["type"] for c in body["counts_by_type"]} >= {"ACCUSE", "SANCTION"}
    assert [c["type"] for c in body["top_clusters"]] == ["SANCTION"]


def test_dyad_twin_groups_events_by_period(client: TestClient) -> None:
    body = client.get("/api/dyads/USA/CHN").json()
    assert [p["label"] for p in body["periods"]] == ["2023-08", "2023-06"]
    assert body["events_total"] == body["events_shown"] == 4
    assert [q["text"] for q in body["quotes"]] == [
        "We want stable relations with China,"
    ]
    assert body["quotes"][0]["speaker_name"] == "Antony Blinken"


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/events", "/api/extract", "/api/series/{a}/{b}"):
        assert path in paths
    assert "/dyad/{a}/{b}" not in paths


def test_unknown_api_path_is_404_json(client: TestClient) -> None:
    assert_error(client.get("/api/nothing/here"), 404, "not_found")


def test_wrong_method_is_405_json(client: TestClient) -> None:
    assert_error(client.delete("/api/articles"), 405, "method_not_allowed")


def test_missing_store_is_503(tmp_path: Any) -> None:
    from dyad.settings import Settings
    from dyad.web.app import create_app

    with TestClient(
        create_app(Settings(db=tmp_path / "none.duckdb")), base_url=LOCAL
    ) as c:
        body = assert_error(c.get("/api/articles"), 503, "store_unavailable")
    assert "dyad ingest" in body["error"]


def test_unexpected_errors_keep_the_shape_and_hide_the_traceback(
    web_db: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from dyad.settings import Settings
    from dyad.web.app import create_app

    app = create_app(Settings(db=web_db))

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False, base_url=LOCAL) as c:
        body = assert_error(c.get("/api/boom"), 500, "internal_error")
        page = c.get("/api/boom")
    assert "secret detail" not in body["error"]
    assert "RuntimeError" in body["error"]
    assert page.status_code == 500


def test_overview_trends_cover_the_same_months(client: TestClient) -> None:
    trends = client.get("/api/overview").json()["top_dyads"]
    labels = {tuple(p["label"] for p in t["series"]) for t in trends}
    assert labels == {("2023-05", "2023-06", "2023-07", "2023-08")}
