"""Fingerprints of article text: one for exact copies, a MinHash for near copies (#12).

``text_fingerprint`` hashes the text after normalising what does not change a report:
Unicode compatibility forms (NBSP), line endings and runs of whitespace, curly and
straight quote marks, letter case, invisible format characters. Two texts with the same
fingerprint are one article.

``signature`` is a MinHash over word shingles: the share of equal positions in two
signatures estimates the Jaccard similarity of their shingle sets, so a syndicated copy
with another headline, byline or closing line still scores high. ``band_keys`` cut a
signature into bands for locality-sensitive lookup: two texts share a band key with a
probability that rises steeply with their similarity, so only those pairs are compared.
Everything here is deterministic (fixed seeds) and independent of input order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

import numpy as np

# Shingles of five words: long enough that unrelated reports on one topic share few
# (common phrases like "said on Monday that" are four words), short enough that an
# edited sentence spoils only the shingles that overlap it.
SHINGLE_WORDS = 5
# 64 hash functions in 16 bands of 4: pairs above about 0.5 similarity share a band
# with probability over 0.6, pairs above 0.8 with probability over 0.999.
PERMUTATIONS = 64
BAND_ROWS = 4
# Estimated Jaccard similarity of shingle sets from which two texts are copies of one
# report; syndicated copies with their own headline, credit line and a trimmed ending
# score 0.6-0.95, distinct reports of one event rarely above 0.2.
NEAR_DUPLICATE_SIMILARITY = 0.6

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    }
)  # fmt: skip
_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1


def _seeded(label: str, count: int) -> np.ndarray:
    """Return ``count`` fixed 64-bit odd numbers derived from ``label``."""
    values = []
    for i in range(count):
        digest = hashlib.blake2b(f"{label}:{i}".encode(), digest_size=8).digest()
        values.append(int.from_bytes(digest, "little") | 1)
    return np.array(values, dtype=np.uint64)


_MULTIPLIERS = _seeded("minhash-a", PERMUTATIONS)
_OFFSETS = _seeded("minhash-b", PERMUTATIONS)


def normalize_text(text: str) -> str:
    """Return ``text`` as compared for copies: NFKC, plain quotes, casefolded, one space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def text_fingerprint(text: str) -> str:
    """Return the hex fingerprint of ``text``: equal for whitespace/quote/case variants."""
    material = normalize_text(text).encode("utf-8")
    return hashlib.blake2b(material, digest_size=16).hexdigest()


def _shingle_hashes(text: str) -> np.ndarray:
    words = _WORD.findall(normalize_text(text))
    if len(words) <= SHINGLE_WORDS:
        shingles = [" ".join(words)]
    else:
        shingles = [
            " ".join(words[i : i + SHINGLE_WORDS])
            for i in range(len(words) - SHINGLE_WORDS + 1)
        ]
    values = [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
        for s in sorted(set(shingles))
    ]
    return np.array(values, dtype=np.uint64)


def signature(text: str) -> tuple[int, ...]:
    """Return the MinHash signature of ``text`` (``PERMUTATIONS`` 32-bit values)."""
    hashes = _shingle_hashes(text)
    # multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; uint64 arrays wrap
    mixed = (
        hashes[np.newaxis, :] * _MULTIPLIERS[:, np.newaxis] + _OFFSETS[:, np.newaxis]
    )
    return tuple(int(v) for v in (mixed >> np.uint64(32)).min(axis=1))


def similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Return the estimated Jaccard similarity of two signatures (0 to 1)."""
    if len(first) != len(second) or not first:
        return 0.0
    same = sum(1 for a, b in zip(first, second, strict=True) if a == b)
    return same / len(first)


def band_keys(sig: Sequence[int]) -> tuple[int, ...]:
    """Return one key per band of ``sig``; equal keys make a pair worth comparing."""
    keys = []
    for band in range(0, len(sig), BAND_ROWS):
        part = ",".join(str(v) for v in sig[band : band + BAND_ROWS])
        digest = hashlib.blake2b(f"{band}:{part}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") & (_MASK64 >> 1))  # fits BIGINT
    return tuple(keys)


def is_near_duplicate(first: Sequence[int], second: Sequence[int]) -> bool:
    """Return True when two signatures are copies of one report."""
    return similarity(first, second) >= NEAR_DUPLICATE_SIMILARITY
