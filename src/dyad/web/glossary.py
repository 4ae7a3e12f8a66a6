"""The glossary page's data: PLOVER types and modes, quad classes, sectors, modality.

Codes come from the files that define them (``data/events/types.yaml``, the actor
knowledge base's sectors, the ``Modality`` record type); only the one-line definitions
come from ``data/glossary/terms.yaml``, so the page cannot drift from what is coded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.actors import SECTORS
from dyad.knowledge.files import data_file, read_yaml
from dyad.records import Modality


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One code and what it means."""

    code: str
    meaning: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeTerm:
    """A PLOVER event type with its CAMEO code, intensity, quad class and modes."""

    code: str
    meaning: str
    cameo: str
    quad: int
    intensity: float
    modes: tuple[Term, ...]  # mode name, and its CAMEO code as the meaning


@dataclass(frozen=True, slots=True, kw_only=True)
class Glossary:
    """Everything the glossary page lists."""

    types: tuple[TypeTerm, ...]
    quad_classes: tuple[Term, ...]
    sectors: tuple[Term, ...]
    modalities: tuple[Term, ...]


def _clean(raw: Any) -> dict[str, Any]:
    return {str(k): v for k, v in raw.items() if k != "__line__"}


def _meaning(terms: dict[str, Any], section: str, code: str) -> str:
    return str(_clean(terms.get(section, {})).get(code, ""))


@functools.cache
def build_glossary(data_dir: Path | None = None) -> Glossary:
    """Return the glossary read from the data files (once per process); a file in
    ``data_dir`` replaces the packaged one of the same relative path."""
    types_file = read_yaml(data_file(data_dir, "events", "types.yaml"))
    terms = _clean(read_yaml(data_file(data_dir, "glossary", "terms.yaml")))
    quads = _clean(types_file["quad_by_cameo_root"])
    types = []
    for code, spec in _clean(types_file["types"]).items():
        modes = _clean(spec.get("modes") or {})
        types.append(
            TypeTerm(
                code=code,
                meaning=_meaning(terms, "types", code),
                cameo=str(spec["cameo"]),
                quad=int(quads.get(str(spec["cameo"])[:2], 0)),
                intensity=float(spec["intensity"]),
                modes=tuple(Term(code=m, meaning=str(c)) for m, c in modes.items()),
            )
        )
    return Glossary(
        types=tuple(types),
        quad_classes=tuple(
            Term(code=str(q), meaning=_meaning(terms, "quad_classes", str(q)))
            for q in sorted(set(quads.values()))
        ),
        sectors=tuple(
            Term(code=s, meaning=_meaning(terms, "sectors", s)) for s in sorted(SECTORS)
        ),
        modalities=tuple(
            Term(code=str(m), meaning=_meaning(terms, "modalities", str(m)))
            for m in Modality
        ),
    )
