"""Every data file can be replaced by a user's copy in ``data_dir`` (#9).

One file of each loader family is replaced by an edited copy of the packaged file, and
the knowledge built from it changes. (Quote cues: tests/stages/test_quotes.py; the
grammar file: test_grammar.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import ResourceError
from dyad.formats.gdelt import goldstein
from dyad.knowledge.files import data_path
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.web.glossary import build_glossary

pytestmark = pytest.mark.issue(9)


def _edited(data_dir: Path, old: str, new: str, *parts: str) -> None:
    """Write the packaged file ``parts`` into ``data_dir`` with ``old`` replaced."""
    text = data_path(*parts).read_text(encoding="utf-8")
    assert old in text
    target = data_dir.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def _mine(data_dir: Path) -> Resources:
    return Resources(Settings(data_dir=data_dir))


def test_clean_rules_read_the_users_languages_file(tmp_path: Path) -> None:
    _edited(tmp_path, "min_words: 25", "min_words: 7", "clean", "languages.yaml")
    assert Resources().clean_rules.min_words == 25
    assert _mine(tmp_path).clean_rules.min_words == 7


def test_timex_lexicon_reads_the_users_file(tmp_path: Path) -> None:
    _edited(tmp_path, "  two: 2\n", "  two: 2\n  twain: 2\n", "timex", "lexicon.yaml")
    assert "twain" not in Resources().timex_lexicon.numbers
    assert _mine(tmp_path).timex_lexicon.numbers["twain"] == 2


def test_event_lexicon_reads_the_users_triggers_file(tmp_path: Path) -> None:
    old, new = "verbs: [agree, pledge,", "verbs: [agree, bespeak,"
    _edited(tmp_path, old, new, "events", "triggers.yaml")
    assert "bespeak" not in Resources().event_lexicon.verbs
    assert "bespeak" in _mine(tmp_path).event_lexicon.verbs


def test_event_lexicon_reads_the_users_background_file(tmp_path: Path) -> None:
    old, new = "openers: [pictured,", "openers: [snapshot, pictured,"
    _edited(tmp_path, old, new, "events", "background.yaml")
    assert "snapshot" not in Resources().event_lexicon.background.caption_openers
    assert "snapshot" in _mine(tmp_path).event_lexicon.background.caption_openers


def test_a_background_file_without_a_section_is_one_clear_error(tmp_path: Path) -> None:
    _edited(tmp_path, "caption:", "captions:", "events", "background.yaml")
    with pytest.raises(ResourceError, match=r"background\.yaml: bad background cues"):
        _ = _mine(tmp_path).event_lexicon


def test_actor_kb_reads_the_users_modifiers_file(tmp_path: Path) -> None:
    old, new = "AZE: [Nakhchivan]", "AZE: [Nakhchivan, Zorbland]"
    _edited(tmp_path, old, new, "actors", "modifiers.yaml")
    assert "zorbland" not in Resources().actor_kb.modifier_places
    assert _mine(tmp_path).actor_kb.modifier_places["zorbland"] == "AZE"


def test_actor_kb_reads_the_users_non_mentions_file(tmp_path: Path) -> None:
    _edited(tmp_path, "feature_nouns: [", "feature_nouns: [fjordland, ", "actors",
            "non-mentions.yaml")
    assert "fjordland" not in Resources().actor_kb.feature_nouns
    assert "fjordland" in _mine(tmp_path).actor_kb.feature_nouns


def test_a_malformed_non_mentions_file_is_one_clear_error(tmp_path: Path) -> None:
    _edited(tmp_path, "feature_nouns: [", "feature_nouns: 3\nunused: [", "actors",
            "non-mentions.yaml")
    with pytest.raises(ResourceError, match=r"non-mentions\.yaml:\d+: feature_nouns"):
        _ = _mine(tmp_path).actor_kb


def test_gazetteer_reads_the_users_regions_file(tmp_path: Path) -> None:
    new = "places:\n  - {name: Zorbland, code: NZL, lat: -41.0, lon: 174.0, feature: region}\n"
    _edited(tmp_path, "places:\n", new, "places", "regions.yaml")
    assert not Resources().gazetteer.lookup("Zorbland")
    assert [e.code for e in _mine(tmp_path).gazetteer.lookup("Zorbland")] == ["NZL"]


def test_glossary_reads_the_users_terms_file(tmp_path: Path) -> None:
    old, new = "  AGREE: Says", "  AGREE: Promises or says"
    _edited(tmp_path, old, new, "glossary", "terms.yaml")
    (agree,) = [t for t in build_glossary(tmp_path).types if t.code == "AGREE"]
    assert agree.meaning.startswith("Promises or says")


def test_goldstein_scores_read_the_users_file(tmp_path: Path) -> None:
    _edited(tmp_path, '"190": -10.0', '"190": -9.5', "gdelt", "goldstein.yaml")
    assert goldstein("190") == -10.0
    assert goldstein("190", tmp_path) == -9.5


def test_event_model_reads_the_users_file(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    mine = tmp_path / "models" / "events.json"
    mine.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ResourceError, match=str(mine)):
        _ = _mine(tmp_path).event_model


def test_a_users_model_file_is_part_of_the_pipeline_version(tmp_path: Path) -> None:
    """Ingest re-codes stored articles when a user's data file (YAML or JSON) changes."""
    from dyad.corpus import pipeline_version

    settings = Settings(data_dir=tmp_path)
    before = pipeline_version(settings)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "events.json").write_text("{}", encoding="utf-8")
    assert pipeline_version(settings) != before


def test_recasing_reads_the_users_given_names_file(tmp_path: Path) -> None:
    """Lower-cased text is recased with the user's given names (#10)."""
    from dyad.knowledge.actor_case import recase

    _edited(
        tmp_path,
        "  common: [",
        "  common: [zorbo, ",
        "actors",
        "given-names.yaml",
    )
    # a plain English word after the given name: only the given-names file makes it a
    # name (an unknown word before "said" is restored without it)
    text = "the talks went on for hours, and zorbo baker left early."
    assert "Zorbo Baker" not in recase(text)
    assert "Zorbo Baker" in recase(text, tmp_path)


def test_parsing_reads_the_users_given_names_file(tmp_path: Path) -> None:
    """The nlp stage passes the settings' data folder on to recasing (#10)."""
    from dyad.records import Article
    from dyad.stages.nlp import parse_articles

    _edited(
        tmp_path,
        "  common: [",
        "  common: [zorbo, ",
        "actors",
        "given-names.yaml",
    )
    text = "the talks went on for hours, and zorbo quillfeather said the mood was calm."
    article = Article(article_id="z1", text=text)
    mine = _mine(tmp_path)
    [(parsed, _)] = parse_articles(mine.nlp, [(article, None)], settings=mine.settings)
    assert "Zorbo Quillfeather" in parsed.doc.text
