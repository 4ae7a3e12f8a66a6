"""Shared fixtures: where ../shared is, the pinned model loaded once, golden updates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_path() -> Path:
    """Return the shared data folder: $DYAD_SHARED, else ../shared beside the project."""
    return Path(os.environ.get("DYAD_SHARED", ROOT.parent / "shared")).resolve()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files instead of comparing with them.",
    )


@pytest.fixture(scope="session", autouse=True)
def _knowledge_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Cache built knowledge (dyad.cache) in this run's temp folder, not the user's."""
    if "DYAD_CACHE_DIR" not in os.environ:
        os.environ["DYAD_CACHE_DIR"] = str(tmp_path_factory.mktemp("dyad-cache"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_path()
    if not path.is_dir():
        pytest.fail(f"shared data folder {path} is missing; set DYAD_SHARED")
    return path


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def resources():  # type: ignore[no-untyped-def]
    """The real pinned model and packaged knowledge, loaded once for the session."""
    from dyad.resources import Resources

    return Resources()
