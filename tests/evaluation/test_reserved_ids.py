"""No annotation file may hold a document reserved for blind evaluation."""

import json
from pathlib import Path

import pytest

from dyad.evaluation.annotated import ANNOTATIONS, load_set, reserved_ids


def _ids(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["id"] for line in lines if line.strip()}


@pytest.mark.parametrize("path", sorted(ANNOTATIONS.glob("*.jsonl")), ids=lambda p: p.name)
def test_annotation_file_holds_no_reserved_document(path: Path, shared: Path) -> None:
    blocked = reserved_ids(shared)
    assert blocked, "reserved-ids.txt is missing or empty"
    assert _ids(path) & blocked == set()


def test_times_quotes_set_loads_without_reserved_articles(shared: Path) -> None:
    articles = load_set(shared)
    assert articles
    assert {a.article_id for a in articles} & reserved_ids(shared) == set()
