"""Copies: text variants are one article, near copies one report in clusters (#12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad import corpus, fingerprints
from dyad.cli import cli
from dyad.knowledge.files import data_path
from dyad.settings import Settings
from dyad.store.db import Store

pytestmark = pytest.mark.issue(12)

SAMPLES = data_path("samples", "samples.jsonl")
DAY = "2024-03-05"


def _sample_text(number: int = 0) -> str:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    return str(json.loads(lines[number])["text"])


def _variants(text: str) -> list[str]:
    return [
        text,
        text.replace("\n", "\r\n"),
        text.replace(" ", "  ", 20),
        text.replace(" ", "\u00a0", 30) + "\n\n",
        text.replace('"', "\u201c", 2).replace("'", "\u2019").upper(),
    ]


def test_fingerprint_ignores_whitespace_quotes_and_case() -> None:
    text = _sample_text()
    assert len({fingerprints.text_fingerprint(v) for v in _variants(text)}) == 1
    assert fingerprints.text_fingerprint(text) != fingerprints.text_fingerprint(
        text.replace("the", "a", 1)
    )


def test_similarity_separates_copies_from_other_reports() -> None:
    text, other = _sample_text(0), _sample_text(1)
    copy = "Headline of the copy\n" + text[: int(len(text) * 0.85)] + "\n(Wire)"
    sig = fingerprints.signature(text)
    assert fingerprints.is_near_duplicate(sig, fingerprints.signature(copy))
    assert not fingerprints.is_near_duplicate(sig, fingerprints.signature(other))
    assert fingerprints.signature(text) == sig  # deterministic


def _ingest(paths: list[Path], db: Path) -> tuple[corpus.IngestStats, Store]:
    store = Store(db)
    stats = corpus.ingest_paths(paths, store, Settings())
    return stats, store


@pytest.mark.model
def test_five_whitespace_variants_store_as_one_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, variant in enumerate(_variants(_sample_text())):
        (folder / f"v{number}.txt").write_bytes(variant.encode("utf-8"))
    stats, store = _ingest([folder], tmp_path / "s.duckdb")
    with store:
        assert store.counts()["articles"] == 1
        codes = store.con.execute(
            "SELECT code FROM problems WHERE article_id IS NULL"
        ).fetchall()
    assert stats.duplicates == 4
    assert stats.skipped == 0
    assert codes == [("ingest.duplicate",)] * 4


@pytest.mark.model
def test_same_text_under_two_urls_is_one_report(tmp_path: Path) -> None:
    text = _sample_text()
    records = [
        {"url": "https://one.example/a", "source": "One", "date": DAY, "text": text},
        {
            "url": "https://two.example/b",
            "source": "Two",
            "date": DAY,
            "text": text + "\n",
        },
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    _, store = _ingest([path], tmp_path / "s.duckdb")
    with store:
        reports = store.con.execute(
            "SELECT DISTINCT report_id FROM article_fingerprints"
        ).fetchall()
        clusters = store.con.execute(
            "SELECT c.n_articles, c.n_sources FROM event_clusters c WHERE "
            "(SELECT count(DISTINCT article_id) FROM event_cluster_members m "
            "WHERE m.cluster_id = c.cluster_id) = 2"
        ).fetchall()
        assert store.counts()["articles"] == 2
    assert len(reports) == 1
    assert clusters, "the sample article should give a cluster shared by both copies"
    assert set(clusters) == {(1, 2)}


@pytest.mark.model
def test_a_repeated_id_with_other_text_is_a_problem_not_unchanged(
    tmp_path: Path,
) -> None:
    lines = [
        json.dumps({"id": "same", "text": _sample_text(0)}),
        json.dumps({"id": "same", "text": _sample_text(1)}),
    ]
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats, store = _ingest([path], tmp_path / "s.duckdb")
    with store:
        rows = store.con.execute(
            "SELECT code, message FROM problems WHERE article_id IS NULL"
        ).fetchall()
    assert stats.skipped == 0
    assert [code for code, _ in rows] == ["input.duplicate_id"]
    assert "ids.jsonl#2" in rows[0][1]


def test_ingest_of_nothing_readable_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"no text": 1}\n[[[[\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", str(bad), "--db", str(tmp_path / "s.duckdb")]
    )
    assert result.exit_code == 1
    assert "no readable document" in result.output
    assert "Traceback" not in result.output


def _page_record(url: str, text: str, number: int, title: str) -> dict[str, str]:
    return {"id": f"dump-{number}", "url": url, "title": title, "text": text}


def test_one_article_from_three_sources_is_stored_once(tmp_path: Path) -> None:
    full = _sample_text(0)
    excerpt = full[: int(len(full) * 0.7)]
    site = "https://news.example.org/2024/03/05/talks-resume/"
    feed = tmp_path / "a-feed.jsonl"
    feed.write_text(
        json.dumps({"url": "http://news.example.org/?p=4411", "text": full}) + "\n",
        encoding="utf-8",
    )
    listing = tmp_path / "b-listing.jsonl"
    listing.write_text(
        json.dumps({"url": site + "?utm_source=rss#comments", "text": excerpt}) + "\n",
        encoding="utf-8",
    )
    dump = tmp_path / "c-dump.jsonl"
    dump.write_text(
        json.dumps(_page_record(site.replace("https://", "http://www."), full + " Ends.",
                                1, "Talks resume")) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    stats, store = _ingest([feed, listing, dump], tmp_path / "one.duckdb")
    rows = store.con.execute("SELECT raw_text, origin FROM articles").fetchall()
    assert len(rows) == 1
    assert stats.duplicates == 2
    assert rows[0][0] == full + " Ends."  # the fullest copy is kept
    messages = [
        str(r[0])
        for r in store.con.execute(
            "SELECT message FROM problems WHERE code = 'ingest.duplicate'"
        ).fetchall()
    ]
    assert len(messages) == 2
    assert any("a-feed.jsonl" in m for m in messages)
    again, store2 = _ingest([dump, listing, feed], tmp_path / "two.duckdb")
    assert store2.con.execute("SELECT raw_text FROM articles").fetchall() == [
        (full + " Ends.",)
    ]
    assert again.duplicates == 2
    rerun = corpus.ingest_paths([feed, listing, dump], store, Settings())
    assert rerun.processed == 0
    assert store.con.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_same_text_on_two_sites_stays_two_articles_of_one_report(
    tmp_path: Path,
) -> None:
    text = _sample_text(1)
    path = tmp_path / "wire.jsonl"
    path.write_text(
        "".join(
            json.dumps({"url": url, "text": text}) + "\n"
            for url in ("https://one.example.com/a", "https://two.example.net/b")
        ),
        encoding="utf-8",
    )
    stats, store = _ingest([path], tmp_path / "wire.duckdb")
    reports = store.con.execute(
        "SELECT DISTINCT report_id FROM article_fingerprints"
    ).fetchall()
    assert stats.duplicates == 0
    assert len(reports) == 1
    # the actors list counts the report once: one article, one copy's mentions
    from dyad.analytics import list_actors

    actors = list_actors(store, limit=1000)
    assert actors
    per_copy = store.con.execute(
        "SELECT x.name, count(*) FROM mentions m JOIN actors x USING (article_id, actor_id) "
        "WHERE x.article_id = (SELECT min(article_id) FROM articles) GROUP BY x.name"
    ).fetchall()
    assert {a.name: (a.articles, a.mentions) for a in actors} == {
        name: (1, n) for name, n in per_copy
    }


def test_article_url_key_drops_what_does_not_name_the_page() -> None:
    from dyad.urls import article_url_key

    key = article_url_key("https://www.Example.org/a/b/?utm_medium=x&id=3&fbclid=z#top")
    assert (
        key == article_url_key("http://example.org/a/b?id=3") == "example.org/a/b?id=3"
    )
    assert article_url_key("http://example.org/?p=1") != article_url_key(
        "http://example.org/?p=2"
    )
    assert article_url_key("ftp://example.org/a") is None
    assert article_url_key("http://[::1") is None
