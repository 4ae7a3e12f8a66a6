"""The public sets the event model trains on leave their held-out halves alone."""

from __future__ import annotations

from pathlib import Path

from dyad.evaluation.event_gold import half_of
from dyad.training import sources


def test_case2021_training_reads_only_the_dev_half(tmp_path: Path) -> None:
    folder = tmp_path / "eval" / "gold" / "case2021-task2"
    folder.mkdir(parents=True)
    rows = [(str(n), f"Soldiers fired on a march in town number {n}.") for n in range(40)]
    lines = ["id\tEventSnippet\tSubType", *(f"{i}\t{t}\tARMED_CLASH" for i, t in rows)]
    path = folder / "test_set_final_release_with_labels.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = sources.read_case2021(tmp_path, {"ARMED_CLASH": ["ASSAULT"]})
    dev = [f"case2021-{i}" for i, _ in rows if half_of(f"case2021-{i}") == "dev"]
    assert 0 < len(dev) < len(rows)  # both halves are present in the file
    assert [d.key for d in docs] == dev
    assert all(d.allowed == ("ASSAULT",) for d in docs)
