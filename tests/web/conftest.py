"""Fixtures for the web tests: a small real store on disk and an in-process client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from dyad.settings import Settings
from dyad.web.app import create_app

from .storefixture import build_store

with warnings.catch_warnings():
    # Starlette 1.x prefers the httpx2 package for its TestClient; with httpx (which
    # we have) the client works the same and only its import warns.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

# The app answers only requests naming localhost (#12: Host allow-list); TestClient's
# default host, "testserver", is refused like any other name.
LOCAL = "http://localhost"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with three hand-built articles, shared by the web tests."""
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture
def client(web_db: Path) -> Iterator[TestClient]:
    """An in-process client of the app serving ``web_db``."""
    with TestClient(create_app(Settings(db=web_db)), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture
def small_client(web_db: Path) -> Iterator[TestClient]:
    """A client of an app whose body limit is 1,000 bytes."""
    app = create_app(Settings(db=web_db), max_body_bytes=1_000)
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client
