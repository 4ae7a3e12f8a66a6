"""Restoring capitals to lower-cased text before it is parsed (#10).

The parser finds names by their capitals; in a lower-cased article ("india", "emily
spanton said") it finds almost none. ``recase`` returns a copy of such a text, of the
same length and with the same characters but for case, in which these are capitalised:

- the first word of every sentence and line;
- names of the packaged actor knowledge base, in their own spelling ("u.s." -> "U.S.",
  "new delhi" -> "New Delhi", "antony blinken"), except the ``ambiguous_lower`` words
  ("us", "who") when no "the" goes before them;
- a word after a one-word title unless it is a stop word, a verb form or a word of
  ``not_names`` ("senator bernie sanders" -> "senator Bernie Sanders"), day and
  month names, and the ``bodies`` news writes with a capital ("parliament");
- a common given name (``given-names.yaml``) with the word after it unless that word is a
  stop word, a verb or in another sentence ("emily spanton" -> "Emily Spanton"; over a
  particle: "louis de zoysa" -> "Louis de Zoysa"), and afterwards that surname alone
  wherever the article repeats it.

ALL-CAPS text (``is_shouting``) is read as its lower-cased copy. Cased text is
returned unchanged. The actors stage reports
mention texts from the original article text, never from this copy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from dyad.knowledge.actor_names import recase_words, unknown_names
from dyad.knowledge.actor_words import name_particles, optional_words, word_lists
from dyad.knowledge.actors import ActorKB

# Share of letters written as capitals below which a text counts as lower-cased: news
# prose runs at 2-5 % (names, sentence starts); a lower-cased copy at 0 %.
CASELESS_SHARE = 0.005
# Texts shorter than this (in letters) are never recased: too little to judge.
MIN_LETTERS = 40
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")
_CAPITALS = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_LETTERS = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[^\w]*[.!?][\"'\u201d\u2019)]*\s")
# A gap that ends a sentence over a number or before an opening quote: " 42. ", '. "'
_OPENING = re.compile(r"\s+[\"'\u201c\u2018(]*")
_GAP_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(]*$")
_LONGEST_NAME = 6  # words
_ARMED = frozenset({"REB", "CRM"})  # sectors of armed groups


def is_caseless(text: str) -> bool:
    """Return True when ``text`` is long enough and (almost) has no capitals."""
    letters = len(_LETTERS.findall(text))
    if letters < MIN_LETTERS:
        return False
    return len(_CAPITALS.findall(text)) < CASELESS_SHARE * letters


def is_shouting(text: str) -> bool:
    """Return True when ``text`` is long enough and written (almost) all in capitals."""
    letters = len(_LETTERS.findall(text))
    if letters < MIN_LETTERS:
        return False
    return len(_LOWER.findall(text)) < CASELESS_SHARE * letters


# Where the knowledge comes from: the user's actor files and data folder (``Settings``).
Source = tuple[tuple[Path, ...], Path | None]
_PACKAGED: Source = ((), None)


def _kb(source: Source) -> ActorKB:
    from dyad.knowledge.actor_files import load_actor_kb  # the KB loads its own files

    return load_actor_kb(source[0], source[1])


@functools.cache
def _state_words(source: Source) -> frozenset[str]:
    """Lower-cased names and demonyms of states ("an Australian" is still one) and
    names of armed groups ("a hezbollah drone"): names that "a" may go before."""
    from dyad.records import ActorKind

    kb = _kb(source)
    return frozenset(
        key
        for key, hits in kb.lower_surfaces.items()
        if any(
            kb.entries[h.kb_id].kind is ActorKind.STATE
            or (
                kb.entries[h.kb_id].kind is ActorKind.GROUP
                and kb.entries[h.kb_id].sector in _ARMED
            )
            for h in hits
            if h.kb_id in kb.entries
        )
    )


@functools.cache
def _names(
    source: Source,
) -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased KB names -> their spelling; their prefixes; ambiguous words; the
    lower-cased full names of people."""
    kb = _kb(source)
    spellings: dict[str, str] = {}
    for key in sorted(kb.surfaces):
        spellings.setdefault(key.lower(), key)
    prefixes = set(kb.lower_prefixes)
    for place in sorted(kb.modifier_places):  # cities and regions: "Christchurch"
        if place not in spellings:
            spellings[place] = place.title()
            prefixes.update(place[:i] for i in range(1, len(place) + 1))
    people = frozenset(k for k in kb.person_names if " " in k)
    return spellings, frozenset(prefixes), frozenset(kb.ambiguous_lower), people


@functools.cache
def _roles(source: Source) -> frozenset[str]:
    """One-word roles after which an unknown word is a name ("the lawyer matsunde")."""
    return frozenset(r for r in _kb(source).roles if " " not in r)


@functools.cache
def _titles(source: Source) -> frozenset[str]:
    """One-word titles after which a name usually follows ("senator", "judge")."""
    kb = _kb(source)
    return frozenset(
        t for t, info in kb.titles.items() if " " not in t and not info.former
    )


def recase(
    text: str, data_dir: Path | None = None, actor_files: Sequence[Path] = ()
) -> str:
    """Return ``text`` with the capitals of names and sentence starts restored, when it
    is lower-cased or ALL CAPS (else ``text`` itself); the result has the same length.

    The names come from the actor knowledge base and ``given-names.yaml``: the user's
    copies in ``data_dir`` and the extra ``actor_files`` when there are any.
    """
    if is_shouting(text):  # ALL CAPS: read as lower-cased text
        text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    elif not is_caseless(text):
        return text
    chars = list(text)
    words = list(_WORD.finditer(text))
    source: Source = (tuple(Path(p) for p in actor_files), data_dir)
    taken, surnames = _kb_names(text, words, chars, source)
    _given_name_pairs(words, chars, taken, surnames, source)
    _unknown_names(words, chars, source)
    _sentence_starts(text, words, chars)
    return "".join(chars)


def _unknown_names(
    words: list[re.Match[str]], chars: list[str], source: Source
) -> None:
    """Capitalise the unknown words in a name's place (``actor_names.py``)."""
    given, not_names, calendar = word_lists(source[1])
    known = (
        given
        | not_names
        | calendar
        | name_particles(source[1])
        | _titles(source)
        | recase_words(source[1]).modern
    )
    capital = [chars[w.start()].isupper() for w in words]
    for k in unknown_names(words, capital, known, _roles(source), source[1]):
        _capitalise(chars, words[k].start(), words[k].end())


def _capitalise(chars: list[str], start: int, end: int) -> None:
    at_start = True
    for i in range(start, end):
        if at_start and chars[i].isalpha():
            chars[i] = chars[i].upper()
        at_start = not chars[i].isalpha()


def _sentence_starts(text: str, words: list[re.Match[str]], chars: list[str]) -> None:
    previous_end, previous = 0, ""
    for k, word in enumerate(words):
        gap = text[previous_end : word.start()]
        if (
            k == 0
            or "\n" in gap
            or _SENTENCE_END.match(gap)
            or _GAP_END.search(gap)
            or (
                previous.endswith(".")
                and previous.count(".") == 1
                and _OPENING.fullmatch(gap)
            )
        ):
            chars[word.start()] = chars[word.start()].upper()
        previous_end, previous = word.end(), word.group(0)


def _kb_names(
    text: str, words: list[re.Match[str]], chars: list[str], source: Source
) -> tuple[set[int], set[str]]:
    """Capitalise KB names; return the indices of the words they cover and the
    surnames of the people among them."""
    spellings, prefixes, ambiguous, people = _names(source)
    taken: set[int] = set()
    surnames: set[str] = set()
    k = 0
    while k < len(words):
        best = _longest_name(text, words, k, spellings, prefixes)
        if best is None:
            k += 1
            continue
        end, stop, key = best
        before = words[k - 1].group(0).lower() if k > 0 else ""
        if key in ambiguous and before != "the":
            k = end
            continue
        if (
            before in ("a", "an")
            and end - k == 1
            and key not in _state_words(source)
            and not _acronym(spellings[key], source)
        ):
            k = end  # "a total of", "a shell": a one-word name takes no "a"
            continue
        start = words[k].start()
        spelling = spellings[key]
        if len(spelling) == stop - start:
            chars[start:stop] = list(spelling)
        else:
            _capitalise(chars, start, stop)
        taken.update(range(k, end))
        if key.replace(".", " ") in people or key in people:
            surnames.add(key.split()[-1])
        k = end
    return taken, surnames


def _acronym(spelling: str, source: Source) -> bool:
    """Tell whether a KB name is an acronym that may follow "a" as a modifier ("an
    SNP candidate", "a NATO base"): three capitals or more, not in ``plain_after_a``."""
    return (
        len(spelling) >= 3
        and spelling.isupper()
        and spelling.isalpha()
        and spelling.lower() not in recase_words(source[1]).plain_after_a
    )


def _longest_name(
    text: str,
    words: list[re.Match[str]],
    k: int,
    spellings: dict[str, str],
    prefixes: frozenset[str],
) -> tuple[int, int, str] | None:
    """The longest KB name starting at word ``k``: (end word, end offset, key)."""
    key, best = words[k].group(0).lower(), None
    j = k
    while j - k < _LONGEST_NAME:
        end = words[j].end()
        if key in spellings:
            best = (j + 1, end, key)
        elif key.endswith(".") and key[:-1] in spellings:  # "delhi." ends a sentence
            best = (j + 1, end - 1, key[:-1])
        j += 1
        if j >= len(words) or (key not in prefixes and key[:-1] not in prefixes):
            break
        gap = text[words[j - 1].end() : words[j].start()]
        if gap not in ("", " ", "-"):
            break
        key += gap + words[j].group(0).lower()
    return best


def _given_name_pairs(
    words: list[re.Match[str]],
    chars: list[str],
    taken: set[int],
    surnames: set[str],
    source: Source,
) -> None:
    given, not_names, calendar = word_lists(source[1])
    particles = name_particles(source[1])
    bodies = optional_words("bodies", source[1])
    titles = _titles(source)
    for k, word in enumerate(words):
        low = word.group(0).lower().rstrip(".")
        if k in taken:
            continue
        if low in calendar or (low in bodies and 0 < k < len(words) - 1):
            _capitalise(chars, word.start(), word.end())
            continue
        if (
            low in titles
            and k + 1 < len(words)
            and _is_name_word(words[k + 1], not_names, titles)
        ):
            for j in range(k + 1, min(k + 3, len(words))):
                if j in taken or not _is_name_word(words[j], not_names, titles):
                    break
                _capitalise(chars, words[j].start(), words[j].end())
                surnames.add(words[j].group(0).lower().rstrip("."))
                taken.add(j)
            continue
        if low in given:
            _capitalise(chars, word.start(), word.end())  # "until ingrid said"
            last = (
                _surname_after(words, k, taken, not_names | particles, particles, given)
                if k + 1 < len(words)
                else None
            )
            if last is not None:
                for j in (k + 1, last) if last > k + 1 else (last,):
                    if j == last or words[j].group(0).lower() not in particles:
                        _capitalise(chars, words[j].start(), words[j].end())
                surnames.add(words[last].group(0).lower().rstrip("."))
                taken.update(range(k + 1, last + 1))
        elif low in surnames and low not in STOP_WORDS:
            _capitalise(chars, word.start(), word.end())


def _surname_after(
    words: list[re.Match[str]],
    k: int,
    taken: set[int],
    not_names: frozenset[str],
    particles: frozenset[str],
    given: frozenset[str],
) -> int | None:
    """The index of the surname after the given name ``words[k]``, over a name
    particle ("louis de zoysa", "omar al-bashir"); None when the next word is no name
    (a stop word, a verb of ``not_names``, another sentence)."""
    j = k + 1
    if (
        words[j].group(0).lower() in particles
        and j + 1 < len(words)
        and _joined(words[j - 1], words[j])
        and _joined(words[j], words[j + 1])
    ):
        j += 1
    nxt = words[j].group(0).lower()
    if (
        j in taken
        or not _joined(words[k], words[k + 1])
        or nxt in STOP_WORDS
        or nxt.rstrip(".") in not_names
        or (nxt.endswith("ed") and nxt not in given)  # "brenton stayed"; "ali ahmed"
    ):
        return None
    return j


def _joined(left: re.Match[str], right: re.Match[str]) -> bool:
    """Tell whether two words are parts of one name: a space or a hyphen between."""
    return left.string[left.end() : right.start()] in (" ", "-")


def _is_name_word(
    word: re.Match[str], not_names: frozenset[str], titles: frozenset[str]
) -> bool:
    """A word that may be a name after a title: no stop word, verb form or title."""
    low = word.group(0).lower().rstrip(".")
    return (
        len(low) > 1
        and low not in STOP_WORDS
        and low not in not_names
        and low not in titles
        and not low.endswith(("ed", "ing"))
    )


__all__ = ["is_caseless", "recase"]
