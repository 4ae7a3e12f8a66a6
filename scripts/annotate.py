#!/usr/bin/env python3
"""Annotation tooling for the events and actors sets in ``eval/annotations/``.

Annotations point into the shared corpora by document id and raw-text offsets; nobody
types offsets by hand. An annotator reads a document with numbered sentences, writes a
*draft* that names spans by their words, and ``resolve`` turns the draft into offsets,
failing loudly on a span it cannot find.

    scripts/annotate.py select                 # the document lists of every split
    scripts/annotate.py docs SET SPLIT         # ids of one list (events|actors, a PLAN split)
    scripts/annotate.py show ID                # the text with numbered sentences
    scripts/annotate.py resolve DRAFT OUT      # draft JSONL -> resolved JSONL (offsets)
    scripts/annotate.py stats FILE...          # counts per split, type, corpus

Draft lines (one JSON object per document):

    {"id": "...", "split": "test", "events": [
       {"s": 3, "trigger": "condemned", "type": "ACCUSE", "mode": "disapprove",
        "actor": [{"text": "Iran's foreign ministry", "code": "IRN", "sector": "GOV"}],
        "recipient": [{"text": "Israel", "code": "ISR", "sector": null}],
        "modality": "asserted", "date": "2019-01-21", "reported_by": null,
        "location": null, "note": null}]}

    {"id": "...", "split": "dev", "mentions": [
       {"s": 2, "text": "Iranian officials", "code": "IRN", "sector": "GOV",
        "kind": "group"}]}

``s`` is the sentence number printed by ``show``. A span's ``text`` is searched inside that
sentence; ``"text@2"`` takes its second occurrence there. ``reported_by`` and ``location``
are spans too (an object with ``text``) or null. Only the standard library is used, so the
tool runs without the project's virtualenv.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from annotate_drafts import DraftError, event_record, mention_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYAD_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "wikinews": "corpus/wikinews/wikinews.jsonl",
    "wcep": "corpus/wikipedia-current-events/wikipedia-current-events.jsonl",
    "globalvoices": "corpus/globalvoices/globalvoices.jsonl",
}
# How many documents of each corpus every split takes (events) and the actor-mention set.
PLAN: dict[str, dict[str, dict[str, int]]] = {
    "events": {
        "test": {"wikinews": 20, "wcep": 50, "globalvoices": 1},
        "dev": {"wikinews": 12, "wcep": 30, "globalvoices": 1},
        "train-a": {"wikinews": 30, "wcep": 70, "globalvoices": 1},
        "train-b": {"wikinews": 30, "wcep": 70, "globalvoices": 1},
        # Added once the first four splits showed about 3 events per document: enough text
        # for 1,500 training and evaluation events.
        "train-c": {"wikinews": 65, "wcep": 160, "globalvoices": 5},
        "train-d": {"wikinews": 65, "wcep": 160, "globalvoices": 5},
        # Third round: a second dev block (its records say split "dev" and are appended to
        # events-dev.jsonl) and more training text; few eligible Wikinews articles remain.
        "dev-b": {"wikinews": 8, "wcep": 40, "globalvoices": 1},
        "train-e": {"wikinews": 10, "wcep": 150, "globalvoices": 0},
        # Fourth round: the long Wikinews articles the other splits skip (see BLOCK_CHARS).
        "train-f": {"wikinews": 14, "wcep": 0, "globalvoices": 0},
        # and, once those 14 were done, the next length range (records say split "train-f").
        "train-f2": {"wikinews": 6, "wcep": 0, "globalvoices": 0},
        # Fifth round: more current-events items, after the blocks above; 118 because the
        # 119th item of the pool is in actors-dev.jsonl.
        "train-g": {"wikinews": 0, "wcep": 118, "globalvoices": 0},
        # Sixth round: all Wikinews articles left, the eight interviews of 40,000+ characters.
        "train-h": {"wikinews": 8, "wcep": 0, "globalvoices": 0},
        # Sixth round: the next current-events items; from here on every pool skips the
        # documents other sets' files hold (see held_elsewhere), here actors-dev/-test items.
        "train-i": {"wikinews": 0, "wcep": 150, "globalvoices": 0},
        # Sixth round: the next 200 current-events items (every Global Voices post is held).
        "train-j": {"wikinews": 0, "wcep": 200, "globalvoices": 0},
    },
    "actors": {
        "test": {"wikinews": 18, "wcep": 12},
        "dev": {"wikinews": 18, "wcep": 12},
    },
}
WIKINEWS_CHARS = (600, 5000)  # long articles are left out to keep annotation feasible
# Splits whose Wikinews articles come from another length range: their own pool, ordered the
# same way, disjoint from the WIKINEWS_CHARS pool so no other split can hold its documents.
BLOCK_CHARS: dict[str, tuple[int, int]] = {
    "train-f": (5001, 20000), "train-f2": (20001, 31000), "train-h": (31001, 110000)}
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep",
    "jr", "sr", "prof", "inc", "ltd", "co", "corp", "no", "vs", "etc", "mt", "ft", "jan",
    "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "adm", "maj", "pres",
    "rev", "hon", "approx", "est", "dept", "univ", "av", "ave",
}
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def corpus_of(doc_id: str) -> str:
    """Return the corpus key of a document id."""
    if doc_id.startswith("wikinews-"):
        return "wikinews"
    if doc_id.startswith("wcep-"):
        return "wcep"
    return "globalvoices"


def load_corpora() -> dict[str, dict[str, Any]]:
    """Return every shared document by id."""
    docs: dict[str, dict[str, Any]] = {}
    for rel in CORPORA.values():
        with (SHARED / rel).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                docs[row["id"]] = row
    return docs


def reserved() -> set[str]:
    """Return the ids reserved for blind evaluation."""
    lines = (SHARED / "eval" / "reserved-ids.txt").read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def sentences(text: str) -> list[tuple[int, int]]:
    """Split raw text into sentence spans: every newline, then sentence-final marks."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in SENTENCE_END.finditer(line):
            word = re.search(r"(\w+)\W*$", line[start : match.start() + 1])
            token = word.group(1).lower() if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            spans.append((offset + start, offset + match.end()))
            start = match.end()
        spans.append((offset + start, offset + len(line)))
        offset += len(line) + 1
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def select() -> dict[str, dict[str, list[str]]]:
    """Return the deterministic document lists: set -> split -> ids.

    Each corpus is ordered by the SHA-1 of ``"<set>-v1" + id``; reserved ids and (for
    Wikinews) articles outside ``WIKINEWS_CHARS`` are skipped, and so are the documents
    that annotated files of another set hold (``held_elsewhere``); the splits take
    consecutive blocks in the order of ``PLAN``. A split named in ``BLOCK_CHARS`` takes
    its Wikinews articles from that length range instead, in the same order.
    """
    docs = load_corpora()
    out: dict[str, dict[str, list[str]]] = {}
    for name, plan in PLAN.items():
        blocked = reserved() | held_elsewhere(name)
        pools: dict[tuple[str, tuple[int, int]], list[str]] = {}
        taken: dict[tuple[str, tuple[int, int]], int] = {}
        out[name] = {}
        for split, counts in plan.items():
            chars = BLOCK_CHARS.get(split, WIKINEWS_CHARS)
            chosen: list[str] = []
            for key, n in counts.items():
                pool = (key, chars if key == "wikinews" else WIKINEWS_CHARS)
                if pool not in pools:
                    pools[pool] = _pool(name, key, docs, blocked, pool[1])
                    taken[pool] = 0
                chosen += pools[pool][taken[pool] : taken[pool] + n]
                taken[pool] += n
            out[name][split] = chosen
    return out


def held_elsewhere(name: str) -> set[str]:
    """Return the ids that files of sets other than ``name`` hold and its own files do not.

    A file's set is its name up to the first ``-`` (``wikinews-times-quotes`` is no PLAN
    set). Documents of the set's own files stay, so earlier split lists do not move.
    """
    own: set[str] = set()
    other: set[str] = set()
    for path in sorted((ROOT / "eval" / "annotations").glob("*.jsonl")):
        target = own if path.name.split("-")[0] == name else other
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                target.add(json.loads(line)["id"])
    return other - own


def _pool(
    name: str, key: str, docs: dict[str, Any], blocked: set[str], chars: tuple[int, int]
) -> list[str]:
    ids = [
        d for d in docs
        if corpus_of(d) == key and d not in blocked and _eligible(docs[d], chars)
    ]
    ids.sort(key=lambda d: hashlib.sha1(f"{name}-v1{d}".encode()).hexdigest())
    return ids


def _eligible(doc: dict[str, Any], chars: tuple[int, int] = WIKINEWS_CHARS) -> bool:
    if corpus_of(doc["id"]) != "wikinews":
        return True
    low, high = chars
    return low <= len(doc["text"]) <= high


def show(doc_id: str) -> str:
    """Return a document's header and its numbered sentences."""
    doc = load_corpora()[doc_id]
    lines = [f"# {doc_id}", f"# title: {doc.get('title')}", f"# date: {doc.get('date')}"]
    for i, (a, b) in enumerate(sentences(doc["text"])):
        lines.append(f"[s{i}] {doc['text'][a:b]}")
    return "\n".join(lines)


def resolve_doc(row: dict[str, Any], docs: dict[str, Any], where: str) -> dict[str, Any]:
    """Return one resolved annotation line for one draft line."""
    doc = docs.get(row.get("id"))
    if doc is None:
        raise DraftError(f"{where}: unknown id {row.get('id')!r}")
    if row["id"] in reserved():
        raise DraftError(f"{where}: {row['id']} is reserved for blind evaluation")
    text = doc["text"]
    sents = sentences(text)
    out: dict[str, Any] = {
        "id": row["id"],
        "corpus": corpus_of(row["id"]),
        "published": doc.get("date"),
        "split": row["split"],
        "sentences": len(sents),
    }
    if "events" in row:
        out["events"] = [
            event_record(text, sents, e, f"{where} event {i}")
            for i, e in enumerate(row["events"])
        ]
    if "mentions" in row:
        out["mentions"] = [
            mention_record(text, sents, m, f"{where} mention {i}")
            for i, m in enumerate(row["mentions"])
        ]
    return out


def resolve(draft: Path, out: Path) -> int:
    """Resolve a draft file into ``out``; return the number of errors printed."""
    docs = load_corpora()
    rows, errors = [], 0
    for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{draft}:{n}"
        try:
            rows.append(resolve_doc(json.loads(line), docs, where))
        except (DraftError, json.JSONDecodeError, KeyError, TypeError) as exc:
            print(f"{where}: {exc}" if not isinstance(exc, DraftError) else exc, file=sys.stderr)
            errors += 1
    ids = [r["id"] for r in rows]
    for dup in {i for i in ids if ids.count(i) > 1}:
        print(f"{draft}: {dup} appears more than once", file=sys.stderr)
        errors += 1
    if not errors:
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
    return errors


def stats(paths: list[Path]) -> str:
    """Return counts of documents, events and mentions per split, type and corpus."""
    per: Counter[str] = Counter()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            per[f"docs {row['split']}"] += 1
            per[f"docs {row['corpus']}"] += 1
            for e in row.get("events", []):
                per[f"events {row['split']}"] += 1
                per[f"type {e['type']}"] += 1
                per[f"modality {e['modality']}"] += 1
            for _ in row.get("mentions", []):
                per[f"mentions {row['split']}"] += 1
    return "\n".join(f"{k}\t{v}" for k, v in sorted(per.items()))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "select":
        print(json.dumps(select(), indent=1))
    elif cmd == "docs":
        print("\n".join(select()[args[0]][args[1]]))
    elif cmd == "show":
        for doc_id in args:
            print(show(doc_id))
            print()
    elif cmd == "resolve":
        errors = resolve(Path(args[0]), Path(args[1]))
        print(f"{errors} errors", file=sys.stderr)
        return 1 if errors else 0
    elif cmd == "stats":
        print(stats([Path(a) for a in args]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
