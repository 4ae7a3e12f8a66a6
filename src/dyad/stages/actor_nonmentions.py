"""Names that are not mentions of a participant, for the actors stage.

Private helper of ``stages/actors.py``: the tokens returned are claimed before any actor
is looked for, like datelines and speaker labels. Six shapes of language:

- the title of a legal case, "<party> v. <party>" or "vs." ("the case Koller vs. Google
  Ireland Limited"): the parties are named as part of the case's name;
- a hashtag ("#Kessler"): a label, not a reference in the sentence;
- a state's name inside the name of another place ("New Mexico", "the South China Sea",
  "the Gulf of Mexico"): the parser's place entity begins with words of its own before
  the state's name, so the state is not meant;
- a name right before a noun of geography ("the Amazon rainforest", "the Jordan River",
  "the Panama Canal"): part of a place's name, not the company or state;
- every name in a sentence that is not in English (``actor_foreign.py``) except the
  names the knowledge base knows: the English parser's names there are mostly common
  words ("Si el", "Centenas morrem de");
- a person's name, as the parser tags it, that ends with a word in lower case or begins
  with one that is no name particle ("blah blah", "antadoya ann card", "Acropora
  millepora"): in news a name's words are capitalised, so these are phrases, species or
  products. Hyphenated parts ("Moon Jae-in") and particles before a capitalised word
  ("Omar al-Bashir", "Luis de la Torre") are kept.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.knowledge.actor_words import name_particles
from dyad.knowledge.actors import ActorKB
from dyad.stages.actor_context import KbSpan
from dyad.stages.actor_foreign import foreign_sentence_tokens

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NAME_LABELS = ("ORG", "GPE", "PERSON", "NORP")
_ELIDED = re.compile("^[a-z]['\u2019]")  # "d'Alema" and its curly-quote spelling
_JOINER = re.compile("[-'\u2019]")
_VERSUS = ("v.", "vs.", "vs", "v")  # abbreviations, not words


def non_mention_tokens(
    doc: Doc, spans: list[KbSpan], kb: ActorKB, cased: bool = True
) -> set[int]:
    """Return the tokens of case titles, hashtags, states inside other places, names
    before a noun of geography and names unknown to the knowledge base in sentences not
    in English; and, when the article itself was ``cased`` (not lower-case or ALL-CAPS
    text the parser reads recased), person names with lower-case words."""
    out = _case_titles(doc)
    out.update(t.i + 1 for t in doc[:-1] if t.text == "#" and t.whitespace_ == "")
    out.update(_states_inside_places(doc, spans))
    out.update(_names_of_features(doc, spans, kb.feature_nouns))
    known = {i for span in spans for i in range(span.start, span.end)}
    # names the KB knows ("Perú", "Omar Bongo") still count in a foreign sentence
    out.update(foreign_sentence_tokens(doc, kb.foreign_words) - known)
    if cased:
        out.update(_lower_case_names(doc, known))
    return out


def _case_titles(doc: Doc) -> set[int]:
    """Both parties' words around a "v." of a case title, each a run of capitalised
    words and the hyphens and "of"s between them."""
    out: set[int] = set()
    for token in doc:
        if token.lower_ not in _VERSUS or not 0 < token.i < len(doc) - 1:
            continue
        left, right = doc[token.i - 1], doc[token.i + 1]
        if not (_capitalised(left) and _capitalised(right)):
            continue
        out.update(_run(doc, token.i - 1, -1))
        out.update(_run(doc, token.i + 1, 1))
    return out


def _capitalised(token: object) -> bool:
    text = getattr(token, "text", "")
    return bool(text[:1].isupper())


def _run(doc: Doc, i: int, step: int) -> list[int]:
    found: list[int] = []
    while 0 <= i < len(doc) and doc[i].sent == doc[i - step].sent:
        token = doc[i]
        joiner = token.text == "-" or token.lower_ == "of"
        if not (_capitalised(token) or joiner):
            break
        found.append(i)
        i += step
    return found


def _states_inside_places(doc: Doc, spans: list[KbSpan]) -> set[int]:
    """Tokens of a name the knowledge base matched inside a place entity that has
    capitalised words of its own before it ("New Mexico", "Gulf of Mexico")."""
    out: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        for span in spans:
            if not (ent.start < span.start and span.end <= ent.end):
                continue
            before = [t for t in doc[ent.start : span.start] if t.lower_ != "the"]
            if before and _capitalised(before[0]):
                out.update(range(span.start, span.end))
    return out


def _names_of_features(
    doc: Doc, spans: list[KbSpan], features: frozenset[str]
) -> set[int]:
    """Tokens of a capitalised name (a KB match or a parser entity) whose next word is
    a noun of geography ("Amazon" in "the Amazon rainforest")."""
    runs = [(s.start, s.end) for s in spans]
    runs.extend((e.start, e.end) for e in doc.ents if e.label_ in _NAME_LABELS)
    out: set[int] = set()
    for start, end in runs:
        if end < len(doc) and _capitalised(doc[start]):
            after = doc[end]
            if after.lower_ in features and after.sent == doc[start].sent:
                out.update(range(start, end))
    return out


def _lower_case_names(doc: Doc, known: set[int]) -> set[int]:
    """Tokens of PERSON entities that the knowledge base does not know
    and that end with a word in lower case, or begin with one that is no particle:
    inside a name, lower-case words stand before a capitalised one ("de la Torre")."""
    particles = name_particles()
    out: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or known.intersection(range(ent.start, ent.end)):
            continue
        words = ent.text.split()
        first = _JOINER.split(words[0])[0].lower()
        if _lower(words[-1]) or (_lower(words[0]) and first not in particles):
            out.update(range(ent.start, ent.end))
    return out


def _lower(word: str) -> bool:
    """Whether ``word`` is in lower case: it starts with a small letter, is no elision
    ("d'Alema") and has no capitalised part after a hyphen ("al-Bashir")."""
    if not word[:1].islower() or _ELIDED.match(word):
        return False
    return not any(part[:1].isupper() for part in _JOINER.split(word)[1:])


__all__ = ["non_mention_tokens"]
