"""The quotes stage on hand-built parses and plain text, and on the seed article."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from dyad.records import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventType,
    Mention,
    Modality,
    Quote,
    QuoteKind,
    RawDocument,
)
from dyad.stages.nlp import Parsed, build_sentences
from dyad.stages.quotes import attribute_events, extract_quotes

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
SUN = Actor(article_id="h1", actor_id="a1", name="Yun Sun", kind=ActorKind.PERSON)

# A token: (text, head offset, dep, pos, tag, lemma, space after)
Tok = tuple[str, int, str, str, str, str, bool]


def parse(tokens: list[Tok]) -> Parsed:
    """Build a Parsed article from tokens with relative heads, as a parser would."""
    doc = Doc(
        NLP.vocab,
        words=[t[0] for t in tokens],
        spaces=[t[6] for t in tokens],
        heads=[i + t[1] for i, t in enumerate(tokens)],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        tags=[t[4] for t in tokens],
        lemmas=[t[5] for t in tokens],
    )
    article = Article(article_id="h1", text=doc.text, published=dt.date(2023, 6, 15))
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def plain(text: str) -> Parsed:
    doc = NLP(text)
    article = Article(article_id="h1", text=text)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def mention(parsed: Parsed, text: str, actor: str = "a1") -> Mention:
    start = parsed.article.text.index(text)
    return Mention(
        article_id="h1",
        actor_id=actor,
        text=text,
        start=start,
        end=start + len(text),
        sentence_index=parsed.sentence_of(start),
    )


# “We will win,” said Sun.
SAID_SUN: list[Tok] = [
    ("“", 5, "punct", "PUNCT", "``", "“", False),
    ("We", 2, "nsubj", "PRON", "PRP", "we", True),
    ("will", 1, "aux", "AUX", "MD", "will", True),
    ("win", 2, "ccomp", "VERB", "VB", "win", False),
    (",", 1, "punct", "PUNCT", ",", ",", False),
    ("”", 0, "punct", "PUNCT", "''", "”", True),
    ("said", 0, "ROOT", "VERB", "VBD", "say", True),
    ("Sun", -1, "nsubj", "PROPN", "NNP", "Sun", False),
    (".", -2, "punct", "PUNCT", ".", ".", False),
]
SAID_SUN[5] = ("”", 1, "punct", "PUNCT", "''", "”", True)


def test_direct_quote_after_said_gets_the_subject_as_speaker() -> None:
    parsed = parse(SAID_SUN)
    result = extract_quotes(parsed, [SUN], [mention(parsed, "Sun")])
    (quote,) = result.records
    assert (quote.kind, quote.text) == (QuoteKind.DIRECT, "We will win")
    assert (quote.speaker_text, quote.speaker_id, quote.cue) == ("Sun", "a1", "said")
    assert parsed.article.text[quote.start : quote.end] == "We will win"


def test_speaker_text_is_right_without_any_actor() -> None:
    (quote,) = extract_quotes(parse(SAID_SUN), [], []).records
    assert (quote.speaker_text, quote.speaker_id) == ("Sun", None)


def test_following_paragraph_without_attribution_continues_the_speaker() -> None:
    tokens = [
        *SAID_SUN[:-1],
        (".", -2, "punct", "PUNCT", ".", ".", False),
        ("\n", -1, "dep", "SPACE", "_SP", "\n", False),
        ("“", 0, "punct", "PUNCT", "``", "“", False),
        ("He", 1, "nsubj", "PRON", "PRP", "he", True),
        ("wants", 0, "ROOT", "VERB", "VBZ", "want", True),
        ("talks", -1, "dobj", "NOUN", "NNS", "talk", True),
        ("with", -1, "prep", "ADP", "IN", "with", True),
        ("his", 1, "poss", "PRON", "PRP$", "his", True),
        ("own", 1, "amod", "ADJ", "JJ", "own", True),
        ("team", -3, "pobj", "NOUN", "NN", "team", False),
        (".", -6, "punct", "PUNCT", ".", ".", False),
        ("”", -7, "punct", "PUNCT", "''", "”", False),
    ]
    tokens[10] = ("“", 2, "punct", "PUNCT", "``", "“", False)
    parsed = parse(tokens)
    quotes = extract_quotes(parsed, [SUN], [mention(parsed, "Sun")]).records
    assert [(q.text, q.speaker_id) for q in quotes] == [
        ("We will win", "a1"),
        ("He wants talks with his own team.", "a1"),
    ]


def test_straight_and_curly_marks_and_partial_quotes_are_found() -> None:
    text = (
        'He called it "a clear and present danger to us all" today.\n'
        "She said “no, not now and not ever again”."
    )
    quotes = extract_quotes(plain(text), [], []).records
    assert [q.text for q in quotes] == [
        "a clear and present danger to us all",
        "no, not now and not ever again",
    ]


def test_unbalanced_mark_is_a_problem_and_never_swallows_the_next_paragraph() -> None:
    text = (
        'He said "this never ends and goes on and on.\n'
        'She said "we are done here now, finally".'
    )
    result = extract_quotes(plain(text), [], [])
    assert [q.text for q in result.records] == ["we are done here now, finally"]
    assert [p.code for p in result.problems if p.code != "quotes.no_speaker"] == [
        "quotes.unbalanced"
    ]


def test_quote_running_into_a_new_paragraph_mark_continues() -> None:
    text = (
        '"We will go on and we will not stop at all,\n'
        '"and then we will win this fight."'
    )
    quotes = extract_quotes(plain(text), [], []).records
    assert [q.text for q in quotes] == [
        "We will go on and we will not stop at all",
        "and then we will win this fight.",
    ]


def test_short_quote_without_cue_is_a_scare_quote_not_a_quotation() -> None:
    assert extract_quotes(plain('The so-called "reform" passed.'), [], []).records == ()


def test_that_clause_of_a_speech_verb_is_indirect_speech() -> None:
    parsed = parse(
        [
            ("Officials", 1, "nsubj", "NOUN", "NNS", "official", True),
            ("said", 0, "ROOT", "VERB", "VBD", "say", True),
            ("that", 2, "mark", "SCONJ", "IN", "that", True),
            ("talks", 1, "nsubj", "NOUN", "NNS", "talk", True),
            ("failed", -3, "ccomp", "VERB", "VBD", "fail", False),
            (".", -4, "punct", "PUNCT", ".", ".", False),
        ]
    )
    officials = Actor(
        article_id="h1", actor_id="a2", name="US officials", kind=ActorKind.GROUP
    )
    (quote,) = extract_quotes(
        parsed, [officials], [mention(parsed, "Officials", "a2")]
    ).records
    assert (quote.kind, quote.text, quote.speaker_id) == (
        QuoteKind.INDIRECT,
        "talks failed",
        "a2",
    )


def test_pronoun_speaker_resolves_to_the_last_person_named() -> None:
    parsed = parse(
        [
            ("Sun", 1, "nsubj", "PROPN", "NNP", "Sun", True),
            ("spoke", 0, "ROOT", "VERB", "VBD", "speak", False),
            (".", -1, "punct", "PUNCT", ".", ".", True),
            ("“", 5, "punct", "PUNCT", "``", "“", False),
            ("We", 2, "nsubj", "PRON", "PRP", "we", True),
            ("will", 1, "aux", "AUX", "MD", "will", True),
            ("win", 2, "ccomp", "VERB", "VB", "win", False),
            (",", 1, "punct", "PUNCT", ",", ",", False),
            ("”", 1, "punct", "PUNCT", "''", "”", True),
            ("he", 1, "nsubj", "PRON", "PRP", "he", True),
            ("said", 0, "ROOT", "VERB", "VBD", "say", False),
            (".", -1, "punct", "PUNCT", ".", ".", False),
        ]
    )
    parsed.doc.ents = [spacy.tokens.Span(parsed.doc, 0, 1, label="PERSON")]
    (quote,) = extract_quotes(parsed, [SUN], [mention(parsed, "Sun")]).records
    assert (quote.speaker_text, quote.speaker_id) == ("he", "a1")


def event(start: int, reported_by: str | None = None) -> Event:
    return Event(
        article_id="h1",
        event_id="e1",
        type=EventType.AGREE,
        mode=None,
        cameo="030",
        quad=1,
        intensity=1.0,
        actor_ids=(),
        recipient_ids=(),
        trigger_text="agreed",
        trigger_start=start,
        trigger_end=start + 6,
        sentence_index=0,
        modality=Modality.ASSERTED,
        rule="test",
        confidence=1.0,
        reported_by=reported_by,
    )


def quote(speaker: str | None) -> Quote:
    return Quote(
        article_id="h1",
        quote_id="q1",
        kind=QuoteKind.DIRECT,
        text="…",
        start=10,
        end=50,
        sentence_index=0,
        speaker_id=speaker,
        speaker_text=None,
        cue="said",
    )


def test_events_inside_a_quote_are_reported_by_its_speaker() -> None:
    inside, outside, kept = event(20), event(60), event(20, reported_by="a9")
    result = attribute_events([inside, outside, kept], [quote("a1")])
    assert [e.reported_by for e in result] == ["a1", None, "a9"]


def test_quote_without_speaker_reports_nothing() -> None:
    assert attribute_events([event(20)], [quote(None)])[0].reported_by is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*'ab "\u201c\u201d\u2018\u2019\n.,', "said", " he ", "told"]),
        max_size=60,
    ).map("".join)
)
def test_quote_finder_never_raises_and_keeps_offsets_in_paragraphs(text: str) -> None:
    if not text.strip():
        return
    result = extract_quotes(plain(text), [], [])
    for found in result.records:
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert "\n" not in found.text


@pytest.mark.model
def test_seed_article_quotes_and_speakers(resources, shared) -> None:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = run_article(
        RawDocument(text=text, published=dt.date(2023, 6, 15)), resources
    )
    names = {a.actor_id: a.name for a in result.actors}  # type: ignore[union-attr]
    said = [(q.kind, q.text[:20], q.speaker_text) for q in result.quotes]  # type: ignore[union-attr]
    assert said == [
        (QuoteKind.INDIRECT, "setting up crisis co", "US officials"),
        (QuoteKind.DIRECT, "Anything that would ", "Stephane Dujarric"),
        (QuoteKind.DIRECT, "candid, direct and c", "US officials"),
        (QuoteKind.DIRECT, "Beijing agreed to th", "Yun Sun"),
        (QuoteKind.DIRECT, "Xi does want to come", "Sun"),
        (QuoteKind.DIRECT, "(Aside from) APEC, h", "Sun"),
    ]
    yun_sun = [q.speaker_id for q in result.quotes][3:]  # type: ignore[union-attr]
    assert len(set(yun_sun)) == 1
    assert yun_sun[0] is not None
    assert "Sun" in names[yun_sun[0]]


# --- speaker rules on hand-built parses (absolute heads) ------------------------------

# A token with an absolute head index: (text, head, dep, pos, tag, lemma, space after)
AbsTok = tuple[str, int, str, str, str, str, bool]
LEE = Actor(article_id="h1", actor_id="a2", name="Kim Lee", kind=ActorKind.PERSON)
MINISTRY = Actor(
    article_id="h1", actor_id="a3", name="Ministry", kind=ActorKind.ORGANIZATION
)


def parse_abs(tokens: list[AbsTok]) -> Parsed:
    return parse([(t[0], t[1] - i, *t[2:]) for i, t in enumerate(tokens)])


def person_ents(parsed: Parsed, *indexes: int) -> None:
    parsed.doc.ents = [
        spacy.tokens.Span(parsed.doc, i, i + 1, label="PERSON") for i in indexes
    ]


def test_the_speech_verb_governing_the_quote_wins_over_a_nearer_one() -> None:
    # Lee described it as “a failure”, Sun said.
    parsed = parse_abs(
        [
            ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", True),
            ("described", 10, "ccomp", "VERB", "VBD", "describe", True),
            ("it", 1, "dobj", "PRON", "PRP", "it", True),
            ("as", 1, "prep", "ADP", "IN", "as", True),
            ("“", 6, "punct", "PUNCT", "``", "“", False),
            ("a", 6, "det", "DET", "DT", "a", True),
            ("failure", 3, "pobj", "NOUN", "NN", "failure", False),
            ("”", 6, "punct", "PUNCT", "''", "”", False),
            (",", 10, "punct", "PUNCT", ",", ",", True),
            ("Sun", 10, "nsubj", "PROPN", "NNP", "Sun", True),
            ("said", 10, "ROOT", "VERB", "VBD", "say", False),
            (".", 10, "punct", "PUNCT", ".", ".", False),
        ]
    )
    mentions = [mention(parsed, "Lee", "a2"), mention(parsed, "Sun")]
    (quote,) = extract_quotes(parsed, [SUN, LEE], mentions).records
    assert (quote.text, quote.speaker_id, quote.cue) == ("a failure", "a2", "described")


def test_proper_noun_subject_wins_among_several_parsed_subjects() -> None:
    # Early opponent MP Kim Lee said, “We have won.”
    parsed = parse_abs(
        [
            ("Early", 1, "amod", "ADJ", "JJ", "early", True),
            ("opponent", 5, "nsubj", "NOUN", "NN", "opponent", True),
            ("MP", 4, "compound", "PROPN", "NNP", "MP", True),
            ("Kim", 4, "compound", "PROPN", "NNP", "Kim", True),
            ("Lee", 5, "nsubj", "PROPN", "NNP", "Lee", True),
            ("said", 5, "ROOT", "VERB", "VBD", "say", False),
            (",", 5, "punct", "PUNCT", ",", ",", True),
            ("“", 10, "punct", "PUNCT", "``", "“", False),
            ("We", 10, "nsubj", "PRON", "PRP", "we", True),
            ("have", 10, "aux", "AUX", "VBP", "have", True),
            ("won", 5, "ccomp", "VERB", "VBN", "win", False),
            (".", 5, "punct", "PUNCT", ".", ".", False),
            ("”", 10, "punct", "PUNCT", "''", "”", False),
        ]
    )
    (quote,) = extract_quotes(parsed, [], []).records
    assert quote.speaker_text is not None
    assert "Lee" in quote.speaker_text


# Sun spoke. “Lee lost,” he said.
PRONOUN_AFTER_NAME_IN_QUOTE: list[AbsTok] = [
    ("Sun", 1, "nsubj", "PROPN", "NNP", "Sun", True),
    ("spoke", 1, "ROOT", "VERB", "VBD", "speak", False),
    (".", 1, "punct", "PUNCT", ".", ".", True),
    ("“", 5, "punct", "PUNCT", "``", "“", False),
    ("Lee", 5, "nsubj", "PROPN", "NNP", "Lee", True),
    ("lost", 9, "ccomp", "VERB", "VBD", "lose", False),
    (",", 9, "punct", "PUNCT", ",", ",", False),
    ("”", 9, "punct", "PUNCT", "''", "”", True),
    ("he", 9, "nsubj", "PRON", "PRP", "he", True),
    ("said", 9, "ROOT", "VERB", "VBD", "say", False),
    (".", 9, "punct", "PUNCT", ".", ".", False),
]


def test_pronoun_never_resolves_to_a_person_named_inside_the_quote() -> None:
    parsed = parse_abs(PRONOUN_AFTER_NAME_IN_QUOTE)
    person_ents(parsed, 0, 4)
    mentions = [mention(parsed, "Sun"), mention(parsed, "Lee", "a2")]
    (quote,) = extract_quotes(parsed, [SUN, LEE], mentions).records
    assert (quote.speaker_text, quote.speaker_id) == ("he", "a1")


def test_it_stands_for_the_last_organisation_not_a_person() -> None:
    # The Ministry spoke. Sun left. It urged “more care on the roads”.
    parsed = parse_abs(
        [
            ("The", 1, "det", "DET", "DT", "the", True),
            ("Ministry", 2, "nsubj", "PROPN", "NNP", "Ministry", True),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak", False),
            (".", 2, "punct", "PUNCT", ".", ".", True),
            ("Sun", 5, "nsubj", "PROPN", "NNP", "Sun", True),
            ("left", 5, "ROOT", "VERB", "VBD", "leave", False),
            (".", 5, "punct", "PUNCT", ".", ".", True),
            ("It", 8, "nsubj", "PRON", "PRP", "it", True),
            ("urged", 8, "ROOT", "VERB", "VBD", "urge", True),
            ("“", 11, "punct", "PUNCT", "``", "“", False),
            ("more", 11, "amod", "ADJ", "JJR", "more", True),
            ("care", 8, "dobj", "NOUN", "NN", "care", False),
            ("”", 11, "punct", "PUNCT", "''", "”", False),
            (".", 8, "punct", "PUNCT", ".", ".", False),
        ]
    )
    person_ents(parsed, 4)
    mentions = [mention(parsed, "Ministry", "a3"), mention(parsed, "Sun")]
    (quote,) = extract_quotes(parsed, [SUN, MINISTRY], mentions).records
    assert quote.speaker_id == "a3"


def test_called_on_in_a_statement_takes_the_clause_subject() -> None:
    # The Ministry has, in a statement, called on drivers to “slow down”.
    parsed = parse_abs(
        [
            ("The", 1, "det", "DET", "DT", "the", True),
            ("Ministry", 2, "nsubj", "PROPN", "NNP", "Ministry", True),
            ("has", 14, "aux", "AUX", "VBZ", "have", False),
            (",", 14, "punct", "PUNCT", ",", ",", True),
            ("in", 14, "prep", "ADP", "IN", "in", True),
            ("a", 6, "det", "DET", "DT", "a", True),
            ("statement", 4, "pobj", "NOUN", "NN", "statement", False),
            (",", 6, "punct", "PUNCT", ",", ",", True),
            ("called", 6, "acl", "VERB", "VBN", "call", True),
            ("on", 8, "prep", "ADP", "IN", "on", True),
            ("drivers", 9, "pobj", "NOUN", "NNS", "driver", True),
            ("to", 14, "aux", "PART", "TO", "to", True),
            ("“", 14, "punct", "PUNCT", "``", "“", False),
            ("please", 14, "intj", "INTJ", "UH", "please", True),
            ("slow", 14, "ROOT", "VERB", "VB", "slow", True),
            ("down", 14, "prt", "ADP", "RP", "down", False),
            ("”", 14, "punct", "PUNCT", "''", "”", False),
            (".", 14, "punct", "PUNCT", ".", ".", False),
        ]
    )
    mentions = [mention(parsed, "Ministry", "a3")]
    (quote,) = extract_quotes(parsed, [MINISTRY], mentions).records
    assert (quote.speaker_id, quote.cue) == ("a3", "called")


@pytest.mark.parametrize("attached", ["ROOT", "acl"])
def test_speech_verb_under_by_takes_the_subject_of_the_main_verb(
    attached: str,
) -> None:
    # Members protested by shouting “shame on you”.
    parsed = parse_abs(
        [
            (
                "Members",
                1 if attached == "ROOT" else 0,
                "nsubj",
                "NOUN",
                "NNS",
                "member",
                True,
            ),
            (
                "protested",
                1 if attached == "ROOT" else 0,
                attached,
                "VERB",
                "VBD",
                "protest",
                True,
            ),
            ("by", 1, "prep", "ADP", "IN", "by", True),
            ("shouting", 2, "pcomp", "VERB", "VBG", "shout", True),
            ("“", 5, "punct", "PUNCT", "``", "“", False),
            ("shame", 3, "dobj", "NOUN", "NN", "shame", True),
            ("on", 5, "prep", "ADP", "IN", "on", True),
            ("you", 6, "pobj", "PRON", "PRP", "you", False),
            ("”", 5, "punct", "PUNCT", "''", "”", False),
            (".", 1, "punct", "PUNCT", ".", ".", False),
        ]
    )
    (quote,) = extract_quotes(parsed, [], []).records
    assert quote.speaker_text == "Members"


def test_person_named_at_the_end_of_an_inverted_subject_is_the_speaker() -> None:
    # “We won,” said study co-author Kim Lee.
    parsed = parse_abs(
        [
            ("“", 2, "punct", "PUNCT", "``", "“", False),
            ("We", 2, "nsubj", "PRON", "PRP", "we", True),
            ("won", 5, "ccomp", "VERB", "VBD", "win", False),
            (",", 5, "punct", "PUNCT", ",", ",", False),
            ("”", 5, "punct", "PUNCT", "''", "”", True),
            ("said", 5, "ROOT", "VERB", "VBD", "say", True),
            ("study", 7, "compound", "NOUN", "NN", "study", True),
            ("co-author", 5, "nsubj", "NOUN", "NN", "co-author", True),
            ("Kim", 9, "compound", "PROPN", "NNP", "Kim", True),
            ("Lee", 5, "dep", "PROPN", "NNP", "Lee", False),
            (".", 5, "punct", "PUNCT", ".", ".", False),
        ]
    )
    (quote,) = extract_quotes(parsed, [LEE], [mention(parsed, "Kim Lee", "a2")]).records
    assert (quote.speaker_text, quote.speaker_id) == ("Kim Lee", "a2")


def test_cue_list_has_the_common_speech_verbs() -> None:
    from dyad.knowledge.quotes import load_quote_cues

    verbs = load_quote_cues().speech_verbs
    assert {"characterize", "specify", "warn", "insist", "tweet", "urge"} <= verbs


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Someone, seemingly John Barnes, says "the talks went badly and nobody '
            'is happy".',
            "John Barnes",
        ),
        (
            'Senator Mary Walsh characterized the agreement as "a historic failure '
            'for the country".',
            "Mary Walsh",
        ),
        (
            "Prime Minister Anthony Albanese spoke with Chinese leader Xi Jinping on "
            'Friday. "Xi told me the relationship is improving," he said.',
            "Anthony Albanese",
        ),
        (  # "on Twitter" is where it was said: "they" is the board, not Twitter
            "Reviews have been started by the Justice Department and the National "
            "Labor Relations Board, with the latter yesterday announcing on Twitter "
            'they were "not planning any hearing this month."',
            "National Labor Relations Board",
        ),
    ],
)
def test_real_parse_speakers(resources, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    result = run_article(
        RawDocument(text=text, published=dt.date(2023, 6, 15)), resources
    )
    names = {a.actor_id: a.name for a in result.actors}  # type: ignore[union-attr]
    (quote,) = [q for q in result.quotes if q.kind is QuoteKind.DIRECT]  # type: ignore[union-attr]
    assert names.get(quote.speaker_id or "") == speaker


def test_she_stands_for_an_unnamed_person_subject_after_the_last_name() -> None:
    # Sun spoke. One of the victims left. “We lost,” she said.
    parsed = parse_abs(
        [
            ("Sun", 1, "nsubj", "PROPN", "NNP", "Sun", True),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak", False),
            (".", 1, "punct", "PUNCT", ".", ".", True),
            ("One", 7, "nsubj", "NUM", "CD", "one", True),
            ("of", 3, "prep", "ADP", "IN", "of", True),
            ("the", 6, "det", "DET", "DT", "the", True),
            ("victims", 4, "pobj", "NOUN", "NNS", "victim", True),
            ("left", 7, "ROOT", "VERB", "VBD", "leave", False),
            (".", 7, "punct", "PUNCT", ".", ".", True),
            ("“", 11, "punct", "PUNCT", "``", "“", False),
            ("We", 11, "nsubj", "PRON", "PRP", "we", True),
            ("lost", 15, "ccomp", "VERB", "VBD", "lose", False),
            (",", 15, "punct", "PUNCT", ",", ",", False),
            ("”", 15, "punct", "PUNCT", "''", "”", True),
            ("she", 15, "nsubj", "PRON", "PRP", "she", True),
            ("said", 15, "ROOT", "VERB", "VBD", "say", False),
            (".", 15, "punct", "PUNCT", ".", ".", False),
        ]
    )
    person_ents(parsed, 0)
    (quote,) = extract_quotes(parsed, [SUN], [mention(parsed, "Sun")]).records
    assert (quote.speaker_text, quote.speaker_id) == ("One of the victims", None)


def test_he_still_stands_for_a_person_named_after_an_unnamed_subject() -> None:
    parsed = parse_abs(PRONOUN_AFTER_NAME_IN_QUOTE)
    person_ents(parsed, 0)
    (quote,) = extract_quotes(parsed, [SUN], [mention(parsed, "Sun")]).records
    assert quote.speaker_id == "a1"


@pytest.mark.parametrize(("role", "found"), [("First", None), ("Prime", "a2")])
def test_role_noun_finds_an_actor_only_with_a_matching_title(
    role: str, found: str | None
) -> None:
    # Lee spoke. “We won,” the <role> Minister said.
    parsed = parse_abs(
        [
            ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", True),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak", False),
            (".", 1, "punct", "PUNCT", ".", ".", True),
            ("“", 5, "punct", "PUNCT", "``", "“", False),
            ("We", 5, "nsubj", "PRON", "PRP", "we", True),
            ("won", 11, "ccomp", "VERB", "VBD", "win", False),
            (",", 11, "punct", "PUNCT", ",", ",", False),
            ("”", 11, "punct", "PUNCT", "''", "”", True),
            ("the", 10, "det", "DET", "DT", "the", True),
            (role, 10, "compound", "PROPN", "NNP", role, True),
            ("Minister", 11, "nsubj", "PROPN", "NNP", "minister", True),
            ("said", 11, "ROOT", "VERB", "VBD", "say", False),
            (".", 11, "punct", "PUNCT", ".", ".", False),
        ]
    )
    lee = replace(LEE, title="Prime Minister")
    (quote,) = extract_quotes(parsed, [lee], [mention(parsed, "Lee", "a2")]).records
    assert (quote.speaker_text, quote.speaker_id) == (f"{role} Minister", found)


def test_attribution_phrases_come_from_the_cue_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``according_to`` in quotes/cues.yaml decides which phrases name a speaker (#9)."""
    from dyad.knowledge.files import data_path
    from dyad.pipeline import run_article
    from dyad.resources import Resources
    from dyad.settings import Settings

    cues = data_path("quotes", "cues.yaml").read_text(encoding="utf-8")
    mine = cues.replace("according_to: [according to]", "according_to: [in the words of]")
    assert mine != cues
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "cues.yaml").write_text(mine, encoding="utf-8")
    text = (
        "The mayor spoke on Monday.\n\n"
        '"The talks have failed and the ceasefire is over now," in the words of '
        "General Omar Haddad."
    )
    raw = RawDocument(text=text, published=dt.date(2024, 1, 1))
    packaged = run_article(raw, Resources())
    replaced = run_article(raw, Resources(Settings(data_dir=tmp_path)))
    assert [q.speaker_text for q in packaged.quotes] == [None]  # type: ignore[union-attr]
    assert [(q.speaker_text, q.cue) for q in replaced.quotes] == [  # type: ignore[union-attr]
        ("Omar Haddad", "in the words of")
    ]
