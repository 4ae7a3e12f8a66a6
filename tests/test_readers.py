"""Readers: every supported format, and bad files that become problems, not crashes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.errors import InputError
from dyad.readers import (
    FileReport,
    ReadOptions,
    count_documents,
    iter_files,
    parse_fields,
    read_paths,
)
from dyad.readers.parsing import parse_any_date
from dyad.records import RawDocument

OPTIONS = ReadOptions(max_bytes=1_000_000)
BODY = (
    "Foreign ministers of the two countries met in Jakarta on Tuesday and agreed to "
    "resume talks on fishing rights, officials said. "
) * 4
PAGE = f"""<!DOCTYPE html><html><head><title>Jakarta talks | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.org/news/jakarta-talks">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Jakarta talks</h1>
<p>{BODY}</p><p>{BODY}</p></article>
<footer>Copyright Example News</footer></body></html>
"""
FEED = f"""<?xml version="1.0"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed</title>
<item><title>Full item</title><link>https://example.org/a</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p>]]></content:encoded></item>
<item><title>Linked item</title><link>page.html</link>
<description>short</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom entry</title><link href="https://example.org/atom1"/>
<updated>2024-03-06T00:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content>
</entry></feed>"""


def _read(*paths: Path) -> tuple[list[RawDocument], list[FileReport]]:
    docs, reports = [], []
    for item in read_paths(paths, options=OPTIONS):
        (reports if isinstance(item, FileReport) else docs).append(item)
    return docs, reports


def _codes(reports: list[FileReport]) -> dict[str, list[str]]:
    return {
        Path(r.origin).name: [p.code for p in r.problems] for r in reports if r.problems
    }


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,), _ = _read(tmp_path / "page.html")
    assert doc.title == "Jakarta talks"
    assert doc.url == "https://example.org/news/jakarta-talks"
    assert doc.source == "Example News"
    assert str(doc.published) == "2024-03-05"
    assert "resume talks" in doc.text
    assert "Home | World" not in doc.text


def test_jsonl_with_renamed_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"key": "k1", "body": BODY, "when": "2024-01-02"}) + "\n"
    )
    fields = parse_fields(["id=key", "text=body", "date=when"])
    items = list(
        read_paths([path], options=ReadOptions(max_bytes=10**6, fields=fields))
    )
    doc = items[0]
    assert isinstance(doc, RawDocument)
    assert (doc.doc_id, str(doc.published)) == ("k1", "2024-01-02")


def test_unknown_field_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match="NAME=KEY"):
        parse_fields(["body"])


def test_rss_items_with_content_and_with_a_linked_local_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.rss").write_text(FEED, encoding="utf-8")
    docs, _ = _read(tmp_path / "feed.rss")
    assert [d.title for d in docs] == ["Full item", "Linked item"]
    assert str(docs[0].published) == "2024-03-05"
    assert docs[0].source == "Feed"  # the channel title
    assert "resume talks" in docs[1].text  # read from page.html


def test_atom_entry(tmp_path: Path) -> None:
    (tmp_path / "f.atom").write_text(ATOM, encoding="utf-8")
    (doc,), _ = _read(tmp_path / "f.atom")
    assert (doc.title, doc.url) == ("Atom entry", "https://example.org/atom1")
    assert "fishing rights" in doc.text


def _warc_record(url: str, html: str) -> bytes:
    block = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html.encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def test_warc_response_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(_warc_record("https://example.org/w1", PAGE)))
    (doc,), reports = _read(path)
    assert doc.url == "https://example.org/w1"
    assert "fishing rights" in doc.text
    assert not reports[0].problems


def test_gzipped_jsonl_and_text(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.jsonl.gz", "wt") as out:
        out.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    with gzip.open(tmp_path / "b.txt.gz", "wt") as out:
        out.write(BODY)
    docs, _ = _read(tmp_path)
    assert [d.doc_id for d in docs] == ["g1", None]


def _bad_folder(root: Path) -> None:
    (root / "sub").mkdir()
    (root / "good.txt").write_text(BODY)
    (root / "sub" / "good.html").write_text(PAGE)
    (root / "empty.txt").write_text("")
    (root / "blob.bin").write_bytes(bytes(range(256)) * 20)
    full = gzip.compress(json.dumps({"id": "t1", "text": BODY}).encode() * 50)
    (root / "cut.txt.gz").write_bytes(full[: len(full) // 2])
    (root / "broken.html").write_text("<html><body><div><p></div></html>")
    lines = [
        json.dumps({"id": "j1", "text": BODY}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "j2", "text": ""}),
        json.dumps({"id": "j3", "text": BODY}),
    ]
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    (root / "README.md").write_text("# about this folder")


def test_bad_files_become_problems_and_good_articles_are_kept(tmp_path: Path) -> None:
    _bad_folder(tmp_path)
    docs, reports = _read(tmp_path)
    assert sorted(d.doc_id or Path(d.origin or "").name for d in docs) == [
        "good.html",
        "good.txt",
        "j1",
        "j3",
    ]
    assert _codes(reports) == {
        "blob.bin": ["input.binary"],
        "broken.html": ["input.malformed"],
        "cut.txt.gz": ["input.malformed"],
        "empty.txt": ["input.empty"],
        "mixed.jsonl": ["input.malformed"] * 3,
    }


def test_folder_walk_is_sorted_and_skips_documentation(tmp_path: Path) -> None:
    _bad_folder(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert names == sorted(names)
    assert "README.md" not in names


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_files([tmp_path / "nope"]))


def test_count_documents_estimates_lines_and_items(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n{}\n{}\n")
    (tmp_path / "feed.rss").write_text(FEED)
    (tmp_path / "b.txt").write_text("x")
    assert count_documents([tmp_path]) == 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:00:00Z", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 +0000", "2024-03-05"),
        ("", None),
        (None, None),
    ],
    ids=["iso-date", "iso-datetime", "rfc822", "empty", "none"],
)
def test_parse_any_date(value: str | None, expected: str | None) -> None:
    found = parse_any_date(value)
    assert (found.isoformat() if found else None) == expected


@given(st.binary(max_size=400))
@settings(max_examples=60, deadline=None)
def test_reading_arbitrary_bytes_never_raises(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in ("x.txt", "x.html", "x.jsonl", "x.rss", "x.gz", "x.warc", "x"):
            path = Path(folder) / name
            path.write_bytes(data)
            items = list(read_paths([path], options=OPTIONS))
            assert isinstance(items[-1], FileReport)
