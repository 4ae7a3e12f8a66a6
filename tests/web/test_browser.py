"""End to end in headless Chromium: the dashboard served by uvicorn on localhost.

Uses Debian's ``/usr/bin/chromium`` driven by Playwright (never a browser download).
Screenshots of every page visited go to ``test-output/`` at the project root (ignored
by git).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from pyarrow import csv as pyarrow_csv

from dyad.settings import Settings
from dyad.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free localhost port."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db=web_db)), host="127.0.0.1", port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/ensure-chromium (apt-get install "
            "chromium); the browser tests never download a browser"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on(
        "console",
        lambda msg: (
            tab.problems.append(f"console: {msg.text}") if msg.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    yield tab
    context.close()


def _shoot(page: Any, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)


def test_dashboard_end_to_end(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.title() == "Overview · dyad"
    assert page.locator("svg.sparkline polyline").count() >= 2
    assert page.locator("svg.bars rect").count() >= 4
    _shoot(page, "overview")

    page.locator("a.dyad-link", has_text="CHN \u2013 USA").click()
    page.wait_for_url("**/dyad/CHN/USA")
    chart = page.locator("svg.chart")
    assert chart.count() == 1
    assert chart.locator("rect.verbal-coop").count() >= 1
    assert chart.locator("rect.material-conf").count() >= 1
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 80
    _shoot(page, "dyad")

    page.locator("a.period").first.click()
    assert page.locator("section:target").count() == 1

    page.locator("a", has_text="Include hypothetical").click()
    page.wait_for_url("**all_modalities=true*")
    assert page.locator(".modality.hypothetical").count() == 1

    page.locator("table.events a", has_text="“met”").first.click()
    page.wait_for_url("**/article/art-usa-chn-1#ev-e1")
    text = page.locator(".article-text")
    assert text.locator(".hl-actor").count() == 6
    assert text.locator(".hl-event").count() == 3
    assert text.locator(".hl-time").count() == 2
    assert text.locator(".hl-quote .hl-actor, .hl-quote").count() >= 1
    assert page.locator("#ev-e1:target").count() == 1
    tip = text.locator("#ev-e1").get_attribute("title")
    assert tip is not None
    assert "CONSULT" in tip
    assert "Antony Blinken (USA GOV)" in tip
    text.locator("#ev-e1").hover()
    assert text.locator(".hl-actor.lit").count() >= 2
    _shoot(page, "article")

    page.locator('.layers input[data-layer="actor"]').uncheck()
    assert "no-actor" in (text.get_attribute("class") or "")
    assert page.problems == []


def test_search_and_error_pages_render(page: Any, base_url: str) -> None:
    page.goto(base_url + "/search?type=ACCUSE")
    assert page.locator("table.events tbody tr").count() == 2
    _shoot(page, "search")
    response = page.goto(base_url + "/article/does-not-exist")
    assert response is not None
    assert response.status == 404
    assert "404" in page.locator("h1").inner_text()
    page.goto(base_url + "/articles")
    assert page.locator("a.article-link").count() == 3
    page.locator("a.article-link", has_text="Shelling in Kharkiv").click()
    page.wait_for_url("**/article/art-rus-ukr")
    assert page.locator(".article-text .hl-event").count() == 2
    page.goto(base_url + "/docs")
    assert page.locator(".endpoint").count() >= 10
    _shoot(page, "api-docs")
    assert [p for p in page.problems if "404" not in p] == []


@pytest.mark.issue(13)
def test_picker_dyad_map_filtered_search_and_csv(page: Any, base_url: str) -> None:
    """Walk what an analyst does: pick a dyad by name, follow the map to a search,
    narrow it, reload, and download the list as CSV."""
    page.goto(base_url + "/")
    page.locator('form.picker input[name="a"]').fill("United States")
    page.locator('form.picker input[name="b"]').fill("China")
    page.locator("form.picker button").click()
    page.wait_for_url("**/dyad/USA/CHN")
    assert page.locator("svg.chart rect.verbal-coop").count() >= 1
    assert "\u2212" in (page.locator("svg.chart").text_content() or "")
    _shoot(page, "picked-dyad")

    places = page.locator("svg.worldmap a.place-link")
    assert places.count() == 1
    box = page.locator("svg.worldmap").bounding_box()
    assert box is not None
    assert box["width"] > 300
    _shoot(page, "dyad-map")
    places.first.click()
    page.wait_for_url("**/search?location=CHN")
    assert page.locator("table.events tbody tr").count() == 1

    page.goto(base_url + "/search")
    page.locator('form.shared-filters select[name="type"]').select_option("ACCUSE")
    page.locator('form.shared-filters input[name="all_modalities"]').check()
    page.locator("form.shared-filters button").click()
    page.wait_for_url("**type=ACCUSE*")
    assert page.locator("table.events tbody tr").count() == 2
    page.reload()
    assert page.locator('form.shared-filters select[name="type"]').input_value() == (
        "ACCUSE"
    )
    assert page.locator('form.shared-filters input[name="all_modalities"]').is_checked()
    assert page.locator("table.events tbody tr").count() == 2
    assert page.locator('.facet[data-facet="type"] li').count() >= 3
    _shoot(page, "filtered-search")

    with page.expect_download() as info:
        page.locator("a.csv-link").first.click()
    table = pyarrow_csv.read_csv(info.value.path())
    assert table.num_rows == 2
    assert set(table.column("type").to_pylist()) == {"ACCUSE"}
    assert {"actor_names", "recipient_names", "evidence"} <= set(table.column_names)

    page.goto(base_url + "/dyads")
    page.locator('th a[data-sort="a"]').click()
    page.wait_for_url("**sort=a*")
    assert page.locator("table.dyads tbody tr").count() == 3
    _shoot(page, "dyads")
    page.goto(base_url + "/glossary")
    assert page.locator("#types tbody tr").count() == 16
    _shoot(page, "glossary")
    assert page.problems == []
