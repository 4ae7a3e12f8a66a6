"""The web surface: Host allow-list, token, security headers, links (#12)."""

from __future__ import annotations

import html
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.errors import ConfigError
from dyad.records import Article, ArticleResult, RawDocument
from dyad.settings import Settings
from dyad.store import PendingArticle, Store
from dyad.web.app import create_app
from dyad.web.security import Access, access_for_bind, host_name

from .conftest import LOCAL, TestClient

pytestmark = pytest.mark.issue(12)

TOKEN = "k3y-for-tests-0123456789"
XSS_URL = "javascript:alert(document.domain)//"


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/health", "/api/nothing-here", "/static/dyad.css"):
        response = client.get(path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "", "10.0.0.1"])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/health", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["code"] == "host_not_allowed"


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000"])
def test_loopback_host_headers_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/health", headers={"host": host}).status_code == 200


@pytest.fixture
def token_client(web_db: Path) -> TestClient:
    app = create_app(Settings(db=web_db), access=Access(token=TOKEN))
    return TestClient(app, base_url=LOCAL)


def test_without_the_token_every_path_is_refused(token_client: TestClient) -> None:
    for path in ("/", "/api/health", "/static/dyad.css", "/api/events"):
        response = token_client.get(path)
        assert response.status_code == 401
        assert response.json()["code"] == "unauthorized"
    wrong = {"authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert token_client.get("/api/health", headers=wrong).status_code == 401


def test_a_bearer_token_is_accepted(token_client: TestClient) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    assert token_client.get("/api/health", headers=headers).status_code == 200


def test_a_token_in_the_query_sets_a_cookie_for_later_pages(
    token_client: TestClient,
) -> None:
    first = token_client.get(f"/?token={TOKEN}")
    assert first.status_code == 200
    assert "HttpOnly" in first.headers["set-cookie"]
    assert token_client.get("/articles").status_code == 200  # the cookie is sent


def test_a_non_loopback_bind_needs_a_token() -> None:
    with pytest.raises(ConfigError, match="without a token"):
        access_for_bind("0.0.0.0", token=None)
    with pytest.raises(ConfigError, match="at least 16"):
        access_for_bind("0.0.0.0", token="short")
    access = access_for_bind("0.0.0.0", token=TOKEN, extra_hosts=["news.lan"])
    assert "news.lan" in access.allowed_hosts
    assert access_for_bind("127.0.0.1", token=None).token is None


def test_serve_off_loopback_without_a_token_refuses_to_start(web_db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0"], env={"DYAD_TOKEN": ""}
    )
    assert result.exit_code == 1
    assert "without a token" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("header", "name"),
    [("LocalHost:80", "localhost"), ("[::1]:8000", "::1"), ("::1", "::1"), ("", "")],
)
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


def _store_with_url(path: Path, url: str) -> Path:
    text = "Officials of the two countries met in Geneva on Monday."
    article = Article(article_id="x1", text=text, title="Geneva talks", url=url)
    with Store(path) as store:
        raw = RawDocument(text=text, url=url, origin="tests")
        store.put_pending([PendingArticle(article_id="x1", content_hash="h", raw=raw)])
        store.put_outcomes([ArticleResult(article=article)], pipeline_version="t")
    return path


@pytest.mark.parametrize(
    "url", [XSS_URL, "data:text/html,<script>alert(1)</script>", "vbscript:x"]
)
def test_a_url_that_is_not_http_is_not_a_link(tmp_path: Path, url: str) -> None:
    db = _store_with_url(tmp_path / "x.duckdb", url)
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as c:
        page = c.get("/article/x1")
    assert page.status_code == 200
    assert f'href="{html.escape(url)}' not in page.text
    assert html.escape(url) in page.text  # shown as text, not lost


def test_an_http_url_is_the_original_link(tmp_path: Path) -> None:
    db = _store_with_url(tmp_path / "h.duckdb", "https://news.example/geneva")
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as c:
        page = c.get("/article/x1")
    assert 'href="https://news.example/geneva"' in page.text


@pytest.mark.parametrize("q", ["%", "_", "%%", "\\"])
def test_like_wildcards_in_a_search_match_only_themselves(
    client: TestClient, q: str
) -> None:
    everything = client.get("/api/articles").json()
    assert everything["items"]
    found = client.get("/api/articles", params={"q": q}).json()
    assert found["items"] == []
    assert client.get("/api/events").json()["items"]
    events = client.get("/api/events", params={"q": q}).json()
    assert events["items"] == []


def test_an_outdated_store_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    db = _store_with_url(tmp_path / "old.duckdb", "https://news.example/a")
    with Store(db) as store:
        store.con.execute("DELETE FROM schema_migrations WHERE version >= 3")
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as c:
        health = c.get("/api/health")
        page = c.get("/article/x1")
    assert health.status_code == 503
    assert "older than this dyad" in health.json()["error"]
    assert page.status_code == 503
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
    assert versions == [(2,)]  # no migration from the web layer


def test_the_overview_is_cached_until_the_store_changes(tmp_path: Path) -> None:
    db = _store_with_url(tmp_path / "c.duckdb", "https://news.example/a")
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as c:
        first = c.get("/api/overview").json()
        assert c.get("/api/overview").json() == first
        with Store(db) as store:
            raw = RawDocument(text="More talks in Geneva.", origin="tests")
            store.put_pending(
                [PendingArticle(article_id="x2", content_hash="h", raw=raw)]
            )
        second = c.get("/api/overview").json()
    assert first["counts"]["articles"] == 1
    assert second["counts"]["articles"] == 2
