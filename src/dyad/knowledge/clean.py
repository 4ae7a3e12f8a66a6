"""Rules for the clean stage, read from ``dyad/data/clean/``.

- ``boilerplate.yaml``: whole-line patterns of page debris (``debris``) and the names of
  wire services and agencies whose credit lines move into ``article.credits``
  (``credits``);
- ``languages.yaml``: function words and scripts used to tell English from other
  languages.

Patterns are compiled once here; the stage only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.files import data_file, fail, read_yaml


@dataclass(frozen=True, slots=True)
class DebrisPattern:
    """One kind of page debris: a whole-line pattern and an optional word limit."""

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None

    def matches(self, line: str, words: int) -> bool:
        """Return True when the whole ``line`` (of ``words`` words) is this debris."""
        if self.max_words is not None and words > self.max_words:
            return False
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Compiled cleaning rules: debris patterns, agency names, language evidence."""

    debris: tuple[DebrisPattern, ...]
    agencies: Mapping[str, str]  # lower-cased name -> name as it is written in credits
    credit_prefixes: tuple[str, ...]
    credit_suffixes: tuple[str, ...]
    unnamed_credits: frozenset[str]  # lower-cased credits kept out of article.credits
    function_words: Mapping[str, frozenset[str]]  # language code -> words
    scripts: Mapping[str, str]  # Unicode script name prefix -> language code
    min_words: int = 25
    english_share: float = 0.12


def _debris(data: Any, path: Path) -> tuple[DebrisPattern, ...]:
    if not isinstance(data, list):
        raise fail(path, None, "'debris' must be a list of {name, pattern} entries")
    out = []
    for item in data:
        line = item.get("__line__") if isinstance(item, Mapping) else None
        if not isinstance(item, Mapping) or not isinstance(item.get("pattern"), str):
            raise fail(path, line, "a debris entry needs a 'pattern' (text)")
        try:
            pattern = re.compile(item["pattern"], re.IGNORECASE)
        except re.error as e:
            raise fail(path, line, f"bad pattern: {e}") from e
        limit = item.get("max_words")
        if limit is not None and not isinstance(limit, int):
            raise fail(path, line, "'max_words' must be a whole number")
        out.append(DebrisPattern(str(item.get("name", "debris")), pattern, limit))
    return tuple(out)


def _credits(
    data: Any, path: Path
) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    if not isinstance(data, Mapping):
        raise fail(path, None, "'credits' must be a mapping with 'agencies'")
    agencies = {str(a).lower(): str(a) for a in data.get("agencies") or ()}
    suffixes = tuple(
        sorted(
            (str(p).lower() for p in data.get("suffixes") or ()), key=len, reverse=True
        )
    )
    prefixes = tuple(
        sorted(
            (str(p).lower() for p in data.get("prefixes") or ()), key=len, reverse=True
        )
    )
    return agencies, prefixes, suffixes


def _unnamed(data: Any) -> frozenset[str]:
    words = data.get("unnamed") if isinstance(data, Mapping) else None
    return frozenset(str(w).lower() for w in words or ())


def load_clean_rules(data_dir: Path | None = None) -> CleanRules:
    """Return the cleaning rules, compiled (a file in ``data_dir`` replaces the packaged one).

    Raises:
        ResourceError: a rules file is missing or malformed (``file:line: message``).
    """
    path = data_file(data_dir, "clean", "boilerplate.yaml")
    data = read_yaml(path)
    if not isinstance(data, Mapping):
        raise fail(path, None, "expected a mapping with 'debris' and 'credits'")
    agencies, prefixes, suffixes = _credits(data.get("credits"), path)
    lang_path = data_file(data_dir, "clean", "languages.yaml")
    lang = read_yaml(lang_path)
    if not isinstance(lang, Mapping) or not isinstance(lang.get("words"), Mapping):
        raise fail(lang_path, None, "expected a mapping with 'words' per language")
    words = {
        str(k): frozenset(str(w).lower() for w in v)
        for k, v in lang["words"].items()
        if k != "__line__"
    }
    scripts = {
        str(k): str(v)
        for k, v in (lang.get("scripts") or {}).items()
        if k != "__line__"
    }
    return CleanRules(
        debris=_debris(data.get("debris"), path),
        agencies=agencies,
        credit_prefixes=prefixes,
        credit_suffixes=suffixes,
        unnamed_credits=_unnamed(data.get("credits")),
        function_words=words,
        scripts=scripts,
        min_words=int(lang.get("min_words", 25)),
        english_share=float(lang.get("english_share", 0.12)),
    )


__all__ = ["CleanRules", "DebrisPattern", "load_clean_rules"]
