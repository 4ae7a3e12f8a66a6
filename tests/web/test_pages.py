"""Dashboard pages in-process: each renders, shows its data and links its JSON twin."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.settings import Settings
from dyad.store import Store
from dyad.web.app import create_app

from .conftest import LOCAL, TestClient


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        pytest.param("/", "Most active dyads", id="overview"),
        pytest.param("/dyad/USA/CHN", "The events behind each point", id="dyad"),
        pytest.param("/dyad/usa/chn?by=week&all=1", "2023-W25", id="dyad-week-all"),
        pytest.param("/article/art-usa-chn-1", "hl-event", id="article"),
        pytest.param("/search?actor=RUS", "shelled", id="search"),
        pytest.param("/articles?q=sanctions", "US imposes sanctions", id="articles"),
        pytest.param("/actors?code=IGO", "European Union", id="actors"),
    ],
)
def test_page_renders(client: TestClient, path: str, needle: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert needle in response.text


def test_overview_draws_sparklines_and_type_bars(client: TestClient) -> None:
    html = client.get("/").text
    assert html.count('<svg class="sparkline"') == 3
    assert '<svg class="bars"' in html
    assert 'href="/dyad/CHN/USA"' in html


def test_dyad_page_chart_links_bars_to_event_lists(client: TestClient) -> None:
    html = client.get("/dyad/USA/CHN").text
    assert '<svg class="chart"' in html
    assert 'href="#p-2023-06"' in html
    assert 'id="p-2023-06"' in html
    assert "We want stable relations" in html


def test_dyad_page_hides_hypothetical_events_unless_asked(client: TestClient) -> None:
    assert "“agree”" not in client.get("/dyad/USA/CHN").text
    assert "“agree”" in client.get("/dyad/USA/CHN?all_modalities=true").text


def test_article_page_links_every_event_to_its_evidence(client: TestClient) -> None:
    html = client.get("/article/art-usa-chn-1").text
    for event_id in ("e1", "e2", "e3"):
        assert f'href="#ev-{event_id}"' in html
        assert f'id="ev-{event_id}"' in html


def test_search_keeps_the_form_values(client: TestClient) -> None:
    html = client.get("/search?type=accuse&since=2023-06-01").text
    assert 'value="2023-06-01"' in html
    assert "<option selected>ACCUSE</option>" in html


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param("/article/nope", 404, id="unknown-article"),
        pytest.param("/no/such/page", 404, id="unknown-path"),
        pytest.param("/dyad/USA/QQQ", 404, id="bad-code"),
        pytest.param("/search?since=soon", 422, id="bad-date"),
    ],
)
def test_errors_render_as_html_pages(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}" in response.text


def test_static_files_are_served(client: TestClient) -> None:
    assert client.get("/static/dyad.css").status_code == 200
    assert client.get("/static/dyad.js").status_code == 200


def test_api_reference_is_served_without_a_cdn(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/api/extract" in html
    assert "<code>published</code>" in html
    assert "<script" not in html
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(
    "path", ["/", "/dyad/USA/CHN", "/search", "/articles", "/actors"]
)
def test_pages_of_an_empty_store_render(tmp_path: Path, path: str) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as empty:
        response = empty.get(path)
    assert response.status_code == 200
    assert 'class="empty"' in response.text


def test_article_ids_with_url_characters_link_and_resolve(tmp_path: Path) -> None:
    import re
    from html import unescape

    from .storefixture import ODD_ID, build_odd_store

    db = build_odd_store(tmp_path / "odd.duckdb")
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as odd:
        html = odd.get("/articles").text
        href = unescape(re.findall(r'class="article-link" href="([^"]+)"', html)[0])
        assert odd.get(href).status_code == 200
        event_href = unescape(
            re.findall(r'href="(/article/[^"#]+)#ev-', odd.get("/search").text)[0]
        )
        assert odd.get(event_href).status_code == 200
        body = odd.get("/api" + href.replace("/article/", "/articles/", 1)).json()
        assert body["article"]["id"] == ODD_ID


def test_dyad_chart_draws_at_most_the_latest_periods(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyad.web import pages

    assert client.get("/dyad/USA/CHN?by=day").text.count('class="period"') == 54
    monkeypatch.setattr(pages, "MAX_CHART_PERIODS", 10)
    html = client.get("/dyad/USA/CHN?by=day").text
    assert html.count('class="period"') == 10
    assert "latest 10 of 54 periods" in html


def test_dyad_page_names_the_two_sides(client: TestClient) -> None:
    assert "China and United States" in client.get("/dyad/CHN/USA").text


def test_search_offers_the_stored_codes(client: TestClient) -> None:
    html = client.get("/search").text
    assert '<option value="UKR">Ukraine</option>' in html
    assert '<option value="IGO">intergovernmental organisation</option>' in html
