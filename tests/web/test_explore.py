"""The exploring side of the dashboard (#13): picker, dyad table, shared filters,
facets, map, CSV twins, glossary, unknown codes."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from dyad.knowledge.files import data_path, read_yaml
from dyad.records import EventType, Modality
from dyad.web.glossary import build_glossary

pytestmark = pytest.mark.issue(13)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("United States", "china", id="names"),
        pytest.param("US", "CN", id="alpha-2"),
        pytest.param("usa", "CHN", id="codes-any-case"),
    ],
)
def test_picker_takes_names_or_codes_to_the_dyad_page(
    client: TestClient, a: str, b: str
) -> None:
    response = client.get("/dyad", params={"a": a, "b": b}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/dyad/USA/CHN"


def test_picker_keeps_the_filters(client: TestClient) -> None:
    response = client.get(
        "/dyad",
        params={"a": "US", "b": "CN", "since": "2023-06-01"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/dyad/USA/CHN?since=2023-06-01"


def test_dyad_path_with_two_letter_codes_redirects(client: TestClient) -> None:
    response = client.get("/dyad/US/CN?by=week", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/dyad/USA/CHN?by=week"


@pytest.mark.parametrize("path", ["/dyad/XXX/USA", "/api/dyads/XXX/USA"])
def test_unknown_dyad_code_is_404_without_internal_names(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "unknown country or actor code" in response.text
    assert "a: " not in response.text


def test_misspelt_country_gets_suggestions(client: TestClient) -> None:
    body = client.get("/api/dyads/Chnia/USA").json()
    assert body["code"] == "unknown_code"
    assert "CHN (China)" in body["error"]


def test_dyad_without_events_says_so_and_suggests_dyads(client: TestClient) -> None:
    html = client.get("/dyad/USA/USA").text
    assert "No asserted events between United States (USA) and United States" in html
    assert 'href="/dyad/CHN/USA"' in html


def test_dyad_table_lists_every_dyad(client: TestClient) -> None:
    body = client.get("/api/dyads").json()
    pairs = {(d["a"], d["b"]) for d in body["items"]}
    assert pairs == {("CHN", "USA"), ("RUS", "UKR"), ("IGO", "UKR")}
    assert body["total"] == 3


@pytest.mark.parametrize(
    ("order", "first"),
    [
        pytest.param("asc", "CHN", id="ascending"),
        pytest.param("desc", "RUS", id="desc"),
    ],
)
def test_dyad_table_sorts_by_a_column(
    client: TestClient, order: str, first: str
) -> None:
    body = client.get("/api/dyads", params={"sort": "a", "order": order}).json()
    assert body["items"][0]["a"] == first


def test_dyad_table_refuses_an_unknown_sort(client: TestClient) -> None:
    response = client.get("/api/dyads", params={"sort": "nope"})
    assert response.status_code == 422
    assert "sort" in response.json()["error"]


def test_dyads_page_links_sortable_headers_and_dyads(client: TestClient) -> None:
    html = client.get("/dyads?sort=conflict").text
    assert 'data-sort="events"' in html
    assert 'href="/dyad/CHN/USA"' in html


@pytest.mark.parametrize(
    ("params", "pairs"),
    [
        pytest.param({"type": "ASSAULT"}, {("RUS", "UKR")}, id="type"),
        pytest.param({"sector": "BUS"}, {("CHN", "USA")}, id="sector"),
        pytest.param({"location": "Ukraine"}, {("RUS", "UKR")}, id="location-name"),
        pytest.param({"until": "2023-05-31"}, {("RUS", "UKR"), ("IGO", "UKR")}, id="d"),
    ],
)
def test_shared_filters_narrow_the_dyads(
    client: TestClient, params: dict[str, str], pairs: set[tuple[str, str]]
) -> None:
    body = client.get("/api/dyads", params=params).json()
    assert {(d["a"], d["b"]) for d in body["items"]} == pairs


def test_overview_applies_the_filters(client: TestClient) -> None:
    body = client.get("/api/overview", params={"type": "ACCUSE"}).json()
    assert body["events_selected"] == 2
    assert [t["type"] for t in body["counts_by_type"]] == ["ACCUSE"]


def test_filters_survive_in_the_links_of_a_page(client: TestClient) -> None:
    html = client.get("/?sector=GOV&since=2023-01-01").text
    assert 'href="/dyad/CHN/USA?since=2023-01-01&amp;sector=GOV"' in html
    assert 'value="2023-01-01"' in html


def test_facets_count_each_value_under_the_other_filters(client: TestClient) -> None:
    body = client.get("/api/facets", params={"type": "ACCUSE"}).json()
    types = {c["value"]: c["events"] for c in body["type"]}
    assert types["ACCUSE"] == 2
    assert types["SANCTION"] == 1  # the type facet ignores the type filter
    assert {c["value"] for c in body["modality"]} == {"asserted"}
    assert {c["value"]: c["events"] for c in body["sector"]} == {"GOV": 2}


def test_search_page_shows_facet_counts(client: TestClient) -> None:
    html = client.get("/search").text
    assert 'data-facet="sector"' in html
    assert "BUS" in html


def test_map_has_points_and_splits_modalities(client: TestClient) -> None:
    asserted = client.get("/api/map").json()
    assert {p["name"] for p in asserted} == {"Beijing", "Kharkiv"}
    every = client.get("/api/map", params={"all_modalities": "true"}).json()
    washington = next(p for p in every if p["name"] == "Washington")
    assert (washington["asserted"], washington["other"]) == (0, 1)


def test_map_follows_the_filters(client: TestClient) -> None:
    points = client.get("/api/map", params={"type": "ASSAULT"}).json()
    assert [p["name"] for p in points] == ["Kharkiv"]


def test_overview_draws_the_map_with_links_to_search(client: TestClient) -> None:
    html = client.get("/").text
    assert 'class="worldmap"' in html
    assert html.count('class="place-link"') == 2
    assert 'href="/search?location=UKR"' in html


def test_dyad_map_draws_a_dashed_ring_for_events_not_asserted(
    client: TestClient,
) -> None:
    html = client.get("/dyad/USA/CHN?all_modalities=true").text
    assert 'class="place other"' in html
    assert "modality-hypothetical" in html


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        pytest.param("/api/events", {"event_id", "evidence", "modality"}, id="events"),
        pytest.param("/api/dyads", {"a", "b", "events", "trend"}, id="dyads"),
        pytest.param("/api/dyads/USA/CHN/events", {"actor_names"}, id="dyad-events"),
        pytest.param("/api/series/USA/CHN", {"label", "verbal_conflict"}, id="series"),
        pytest.param("/api/types", {"type", "events"}, id="types"),
        pytest.param("/api/articles", {"article_id", "title"}, id="articles"),
        pytest.param("/api/actors", {"name", "code"}, id="actors"),
        pytest.param("/api/map", {"lat", "lon", "asserted"}, id="map"),
    ],
)
def test_lists_download_as_csv(
    client: TestClient, path: str, columns: set[str]
) -> None:
    response = client.get(path, params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows
    assert columns <= set(rows[0])


def test_every_list_on_the_overview_has_csv_and_json_links(client: TestClient) -> None:
    html = client.get("/").text
    for path in ("/api/dyads", "/api/types", "/api/clusters", "/api/events"):
        assert f'href="{path}?format=csv"' in html
        assert f'href="{path}"' in html


def test_conflict_axis_is_labelled_negative(client: TestClient) -> None:
    html = client.get("/dyad/USA/CHN").text
    assert re.search(r">\u2212\d+</text>", html)
    assert "conflict (\u2212)" in html


def test_glossary_lists_every_coded_value_with_a_meaning() -> None:
    g = build_glossary()
    types_file = read_yaml(data_path("events", "types.yaml"))
    coded = [k for k in types_file["types"] if k != "__line__"]
    assert [t.code for t in g.types] == coded == [str(t) for t in EventType]
    assert {m.code for m in g.modalities} == {str(m) for m in Modality}
    for term in (*g.types, *g.quad_classes, *g.sectors, *g.modalities):
        assert term.meaning, f"{term.code} has no definition in glossary/terms.yaml"


def test_glossary_page_shows_modes(client: TestClient) -> None:
    html = client.get("/glossary").text
    assert "<code>third-party</code> 044" in html
    assert client.get("/api/glossary").json()["sectors"]


def test_redoc_points_to_the_offline_docs(client: TestClient) -> None:
    response = client.get("/redoc", follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == "/docs"
