"""The actors stage on hand-built parses, and on the seed article (real model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from dyad.knowledge.actor_files import load_actor_kb
from dyad.knowledge.actors import ActorKB
from dyad.pipeline import clean_raw
from dyad.records import ActorKind, Article, ArticleResult, RawDocument, ResolvedActors
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.stages.actor_people import split_person_entity
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import Parsed, build_sentences, parse_articles

PEOPLE = Path(__file__).resolve().parent.parent / "data" / "actors" / "people-test.yaml"
KB: ActorKB = load_actor_kb([PEOPLE])
VOCAB = spacy.blank("en").vocab
JUNE_2023 = dt.date(2023, 6, 15)

# A token: (text, head offset, dep, pos, tag); head offset is relative (0 = itself).
Tok = tuple[str, int, str, str, str]


def parse(
    tokens: list[Tok],
    ents: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
    published: dt.date | None = JUNE_2023,
) -> Parsed:
    """Build a Parsed article from tokens with relative heads, as a parser would."""
    words = [t[0] for t in tokens]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s")
        for i in range(len(words))
    ]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[i + t[1] for i, t in enumerate(tokens)],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        tags=[t[4] for t in tokens],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    article = Article(article_id="h1", text=doc.text, published=published)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def coded(
    result: ResolvedActors,
) -> list[tuple[str, str | None, str | None, list[str]]]:
    """Actors as (name, code, sector, mention texts), in output order."""
    return [
        (
            a.name,
            a.code,
            a.sector,
            [m.text for m in result.mentions if m.actor_id == a.actor_id],
        )
        for a in result.actors
    ]


def test_capital_as_subject_is_the_government_but_as_a_place_is_not() -> None:
    result = resolve_actors(
        parse(
            [
                ("Beijing", 1, "nsubj", "PROPN", "NNP"),
                ("agreed", 0, "ROOT", "VERB", "VBD"),
                ("to", -1, "prep", "ADP", "IN"),
                ("talks", -1, "pobj", "NOUN", "NNS"),
                ("in", -1, "prep", "ADP", "IN"),
                ("Washington", -1, "pobj", "PROPN", "NNP"),
                (".", -5, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "GPE"), (5, 6, "GPE")],
        ),
        kb=KB,
    )
    assert coded(result) == [("China (government)", "CHN", "GOV", ["Beijing"])]
    assert result.actors[0].kind is ActorKind.STATE


def test_state_names_short_names_and_demonyms_share_one_actor() -> None:
    result = resolve_actors(
        parse(
            [
                ("The", 1, "det", "DET", "DT"),
                ("Chinese", 1, "amod", "ADJ", "JJ"),
                ("balloon", 1, "nsubj", "NOUN", "NN"),
                ("angered", 0, "ROOT", "VERB", "VBD"),
                ("the", 1, "det", "DET", "DT"),
                ("U.S.", -2, "dobj", "PROPN", "NNP"),
                ("and", -1, "cc", "CCONJ", "CC"),
                ("China", -2, "conj", "PROPN", "NNP"),
                (".", -5, "punct", "PUNCT", "."),
            ],
            ents=[(1, 2, "NORP"), (5, 6, "GPE"), (7, 8, "GPE")],
        ),
        kb=KB,
    )
    assert coded(result) == [
        ("China", "CHN", None, ["Chinese", "China"]),
        ("United States", "USA", None, ["U.S."]),
    ]


@pytest.mark.parametrize(
    ("modifier", "noun", "code", "sector"),
    [
        ("US", "officials", "USA", "GOV"),
        ("Russian", "troops", "RUS", "MIL"),
        ("Chinese", "lawmakers", "CHN", "LEG"),
        ("Iranian", "protesters", "IRN", "CVL"),
    ],
)
def test_state_and_group_noun_make_a_coded_group(
    modifier: str, noun: str, code: str, sector: str
) -> None:
    result = resolve_actors(
        parse(
            [
                (modifier, 1, "compound", "PROPN", "NNP"),
                (noun, 1, "nsubj", "NOUN", "NNS"),
                ("said", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ]
        ),
        kb=KB,
    )
    assert [(a.code, a.sector, a.kind) for a in result.actors] == [
        (code, sector, ActorKind.GROUP)
    ]
    assert result.mentions[0].text == f"{modifier} {noun}"


def test_named_armed_group_with_group_noun_is_the_group() -> None:
    result = resolve_actors(
        parse(
            [
                ("Houthi", 1, "compound", "PROPN", "NNP"),
                ("rebels", 1, "nsubj", "NOUN", "NNS"),
                ("attacked", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "NORP")],
        ),
        kb=KB,
    )
    assert coded(result) == [("Houthis", "YEM", "REB", ["Houthi rebels"])]


def test_bare_group_noun_is_a_group_without_code() -> None:
    result = resolve_actors(
        parse(
            [
                ("Protesters", 1, "nsubj", "NOUN", "NNS"),
                ("marched", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ]
        ),
        kb=KB,
    )
    assert coded(result) == [("Protesters", None, "CVL", ["Protesters"])]


def test_igo_title_codes_an_unknown_spokesperson() -> None:
    result = resolve_actors(
        parse(
            [
                ("UN", 1, "compound", "PROPN", "NNP"),
                ("spokesperson", 2, "compound", "NOUN", "NN"),
                ("Jane", 1, "compound", "PROPN", "NNP"),
                ("Roe", 1, "nsubj", "PROPN", "NNP"),
                ("said", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "ORG"), (2, 4, "PERSON")],
        ),
        kb=KB,
    )
    [actor] = result.actors
    assert (
        actor.name,
        actor.kind,
        actor.code,
        actor.org,
        actor.sector,
        actor.title,
    ) == ("Jane Roe", ActorKind.PERSON, "IGO", "UN", "GOV", "spokesperson")
    assert [m.text for m in result.mentions] == ["Jane Roe"]


def _yellen(published: dt.date | None) -> ResolvedActors:
    return resolve_actors(
        parse(
            [
                ("US", 3, "compound", "PROPN", "NNP"),
                ("Treasury", 2, "compound", "PROPN", "NNP"),
                ("Secretary", 2, "compound", "PROPN", "NNP"),
                ("Janet", 1, "compound", "PROPN", "NNP"),
                ("Yellen", 1, "nsubj", "PROPN", "NNP"),
                ("spoke", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ],
            ents=[(3, 5, "PERSON")],
            published=published,
        ),
        kb=KB,
    )


@pytest.mark.parametrize(
    ("published", "sector"),
    [
        (JUNE_2023, "GOV"),
        (dt.date(2026, 1, 1), "ELI"),
        (None, "GOV"),
    ],
    ids=["in-office", "after-office", "no-date"],
)
def test_office_holder_sector_follows_the_publication_date(
    published: dt.date | None, sector: str
) -> None:
    [actor] = _yellen(published).actors
    assert (actor.name, actor.code, actor.sector) == ("Janet Yellen", "USA", sector)
    assert actor.kb_id == "person:janet-yellen"


def test_title_words_are_not_coded_again() -> None:
    result = _yellen(JUNE_2023)
    assert [m.text for m in result.mentions] == ["Janet Yellen"]


def test_misspelled_name_links_to_the_known_person() -> None:
    result = resolve_actors(
        parse(
            [
                ("French", 1, "amod", "ADJ", "JJ"),
                ("President", 2, "compound", "PROPN", "NNP"),
                ("Emanuel", 1, "compound", "PROPN", "NNP"),
                ("Macron", 1, "nsubj", "PROPN", "NNP"),
                ("arrived", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "NORP"), (2, 4, "PERSON")],
        ),
        kb=KB,
    )
    [actor] = result.actors
    assert (actor.name, actor.code, actor.sector) == ("Emmanuel Macron", "FRA", "GOV")
    assert actor.confidence < 0.95


def test_surname_refers_back_to_the_full_name() -> None:
    result = resolve_actors(
        parse(
            [
                ("Yun", 1, "compound", "PROPN", "NNP"),
                ("Sun", 1, "nsubj", "PROPN", "NNP"),
                ("spoke", 0, "ROOT", "VERB", "VBD"),
                ("and", -1, "cc", "CCONJ", "CC"),
                ("Sun", 1, "nsubj", "PROPN", "NNP"),
                ("left", -3, "conj", "VERB", "VBD"),
                (".", -4, "punct", "PUNCT", "."),
            ],
            ents=[(0, 2, "PERSON"), (4, 5, "ORG")],
        ),
        kb=KB,
    )
    assert coded(result) == [("Yun Sun", None, "CVL", ["Yun Sun", "Sun"])]


def test_known_short_form_resolves_without_full_name() -> None:
    result = resolve_actors(
        parse(
            [
                ("Xi", 1, "nsubj", "PROPN", "NNP"),
                ("met", 0, "ROOT", "VERB", "VBD"),
                ("Biden", -1, "dobj", "PROPN", "NNP"),
                (".", -2, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
        ),
        kb=KB,
    )
    assert [(a.name, a.code, a.sector) for a in result.actors] == [
        ("Xi Jinping", "CHN", "GOV"),
        ("Joe Biden", "USA", "GOV"),
    ]


def test_mentions_are_ordered_and_point_into_the_text() -> None:
    parsed = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "NNP"),
            ("and", -1, "cc", "CCONJ", "CC"),
            ("NATO", -2, "conj", "PROPN", "NNP"),
            ("talked", 0, "ROOT", "VERB", "VBD"),
            ("about", -1, "prep", "ADP", "IN"),
            ("Ukraine", -1, "pobj", "PROPN", "NNP"),
            (".", -3, "punct", "PUNCT", "."),
        ],
        ents=[(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "GPE")],
    )
    result = resolve_actors(parsed, kb=KB)
    assert [a.name for a in result.actors] == ["Russia", "NATO", "Ukraine"]
    assert result.actors[1].code == "IGO"
    assert result.actors[1].org == "NATO"
    for m in result.mentions:
        assert parsed.article.text[m.start : m.end] == m.text
    assert [m.start for m in result.mentions] == sorted(
        m.start for m in result.mentions
    )


def test_no_actor_gives_a_problem() -> None:
    result = resolve_actors(
        parse(
            [
                ("It", 1, "nsubj", "PRON", "PRP"),
                ("rained", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ]
        ),
        kb=KB,
    )
    assert result.actors == ()
    assert [p.code for p in result.problems] == ["actors.none_found"]


def test_empty_document_gives_no_actor() -> None:
    assert resolve_actors(parse([]), kb=KB).actors == ()


# ---- the seed article with the real model


@pytest.fixture(scope="module")
def seed(shared: Path) -> ArticleResult:
    """The seed article through clean, parse and actors only (the stages under test)."""
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    res = Resources(Settings(actor_files=(PEOPLE,)))
    item = clean_raw(RawDocument(text=text, published=JUNE_2023), res)
    [(parsed, _)] = parse_articles(res.nlp, [item])
    found = resolve_actors(parsed, kb=res.actor_kb)
    return ArticleResult(
        article=parsed.article,
        sentences=parsed.sentences,
        actors=found.actors,
        mentions=found.mentions,
    )


def _by_name(
    result: ArticleResult, name: str
) -> tuple[str | None, str | None, str | None]:
    [actor] = [a for a in result.actors if a.name == name]
    return actor.code, actor.sector, actor.org


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Joe Biden", ("USA", "GOV", None)),
        ("Xi Jinping", ("CHN", "GOV", None)),
        ("Antony Blinken", ("USA", "GOV", None)),
        ("Janet Yellen", ("USA", "GOV", None)),
        ("Gina Raimondo", ("USA", "GOV", None)),
        ("Emmanuel Macron", ("FRA", "GOV", None)),
        ("China (government)", ("CHN", "GOV", None)),
        ("United States (government)", ("USA", "GOV", None)),
        ("US officials", ("USA", "GOV", None)),
    ],
)
def test_seed_article_actor_is_coded(
    seed: ArticleResult, name: str, expected: tuple[str, str, str | None]
) -> None:
    assert _by_name(seed, name) == expected


@pytest.mark.model
def test_seed_article_spokesperson_is_un(seed: ArticleResult) -> None:
    [spokesperson] = [a for a in seed.actors if "Dujarric" in a.name]
    assert (spokesperson.code, spokesperson.org) == ("IGO", "UN")


@pytest.mark.model
def test_seed_article_analyst_has_her_affiliation(seed: ArticleResult) -> None:
    [sun] = [a for a in seed.actors if a.name == "Yun Sun"]
    assert (sun.code, sun.sector) == ("USA", "EDU")
    assert sun.org is not None
    assert "Stimson" in sun.org
    assert sun.title is not None
    assert sun.title.startswith("director of the China Program")
    texts = [m.text for m in seed.mentions if m.actor_id == sun.actor_id]
    assert texts == ["Yun Sun", "Sun"]


@pytest.mark.model
def test_seed_article_macron_mention_keeps_the_misspelling(seed: ArticleResult) -> None:
    [macron] = [a for a in seed.actors if a.name == "Emmanuel Macron"]
    assert [m.text for m in seed.mentions if m.actor_id == macron.actor_id] == [
        "Emanuel Macron"
    ]


@pytest.mark.model
def test_seed_article_locative_washington_is_not_an_actor(seed: ArticleResult) -> None:
    text = seed.article.text
    where = text.index("think tank in Washington") + len("think tank in ")
    assert all(m.start != where for m in seed.mentions)


@pytest.mark.model
def test_seed_article_every_line_starts_a_sentence(seed: ArticleResult) -> None:
    text = seed.article.text
    line_starts = {0} | {i + 1 for i, c in enumerate(text) if c == "\n"}
    sentence_starts = {s.start for s in seed.sentences}
    assert line_starts <= sentence_starts
    for s in seed.sentences:
        assert "\n" not in text[s.start : s.end]


def test_coordinated_states_make_one_group_each() -> None:
    result = resolve_actors(
        parse(
            [
                ("Hungarian", 3, "amod", "ADJ", "JJ"),
                ("and", -1, "cc", "CCONJ", "CC"),
                ("Romanian", -2, "conj", "ADJ", "JJ"),
                ("officials", 1, "nsubj", "NOUN", "NNS"),
                ("agreed", 0, "ROOT", "VERB", "VBD"),
                (".", -1, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "NORP"), (2, 3, "NORP")],
        ),
        kb=KB,
    )
    assert [(a.code, a.sector) for a in result.actors] == [
        ("HUN", "GOV"),
        ("ROU", "GOV"),
    ]
    assert [m.text for m in result.mentions] == ["Hungarian", "Romanian officials"]


def test_names_do_not_match_across_spaces() -> None:
    result = resolve_actors(
        parse(
            [
                ("Pakistan", 1, "nsubj", "PROPN", "NNP"),
                ("is", 0, "ROOT", "AUX", "VBZ"),
                ("ready", -1, "acomp", "ADJ", "JJ"),
                (".", -2, "punct", "PUNCT", "."),
            ],
            ents=[(0, 1, "GPE")],
        ),
        kb=KB,
    )
    assert [m.text for m in result.mentions] == ["Pakistan"]


# ---- short real texts with the real model

REAL_TEXT = """\
The president of Namibia, Hage Geingob, expressed his sadness.
Professor David Livermore of the University of East Anglia said the study was sound.
Iranian foreign ministry spokesman Nasser Kanaani rejected the claims.
Indian and Pakistani troops exchanged fire across the border.
The Biden administration said Houthi rebels had attacked a ship.
Protesters gathered outside the Kremlin while Russian troops massed near Ukraine.
Nickey Iyambo, former vice-president of Namibia, died on Sunday.
"""


@pytest.fixture(scope="module")
def real() -> ArticleResult:
    res = Resources(Settings(actor_files=(PEOPLE,)))
    item = clean_raw(RawDocument(text=REAL_TEXT, published=JUNE_2023), res)
    [(parsed, _)] = parse_articles(res.nlp, [item])
    found = resolve_actors(parsed, kb=res.actor_kb)
    return ArticleResult(
        article=parsed.article,
        sentences=parsed.sentences,
        actors=found.actors,
        mentions=found.mentions,
    )


def _coding(result: ArticleResult, mention: str) -> tuple[str | None, str | None]:
    [actor_id] = {m.actor_id for m in result.mentions if m.text == mention}
    [actor] = [a for a in result.actors if a.actor_id == actor_id]
    return actor.code, actor.sector


@pytest.mark.model
@pytest.mark.parametrize(
    ("mention", "coding"),
    [
        ("Hage Geingob", ("NAM", "GOV")),
        ("David Livermore", (None, "EDU")),
        ("Nasser Kanaani", ("IRN", "GOV")),
        ("Indian", ("IND", "MIL")),
        ("Pakistani troops", ("PAK", "MIL")),
        ("Houthi rebels", ("YEM", "REB")),
        ("Kremlin", ("RUS", "GOV")),
        ("Russian troops", ("RUS", "MIL")),
        ("Ukraine", ("UKR", None)),
        ("Nickey Iyambo", ("NAM", "ELI")),
    ],
)
def test_real_parse_codes_the_actor(
    real: ArticleResult, mention: str, coding: tuple[str | None, str | None]
) -> None:
    assert _coding(real, mention) == coding


@pytest.mark.model
def test_real_parse_administration_is_the_government(real: ArticleResult) -> None:
    codings = {(a.code, a.sector, a.kind) for a in real.actors}
    assert ("USA", "GOV", ActorKind.GROUP) in codings
    assert (None, "CVL", ActorKind.GROUP) in codings or any(
        a.sector == "CVL" for a in real.actors
    )


@pytest.mark.parametrize(
    ("words", "names"),
    [
        (["Biden", "-", "Xi"], ["Biden", "Xi"]),
        (["Bashar", "al", "-", "Assad"], ["Bashar al-Assad"]),
        (["Park", "Won", "-", "soon"], ["Park Won-soon"]),
        (["Putin", "and", "Xi"], ["Putin", "Xi"]),
        (["Donald", "Trump", "'s", "Day"], ["Donald Trump"]),
    ],
)
def test_person_entities_split_into_names(words: list[str], names: list[str]) -> None:
    spaces = [
        w not in ("-",) and i + 1 < len(words) and words[i + 1] not in ("-", "'s")
        for i, w in enumerate(words)
    ]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=["PROPN"] * len(words))
    parts = split_person_entity(doc, 0, len(words), KB)
    assert [doc[s:e].text for s, e in parts] == names
