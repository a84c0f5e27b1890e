"""What a person needs: plain-language choices and typed words, as service categories.

The choices and the words are data (cso_map/data/needs.json), in both languages.
Typed words are forgiven common misspellings ("nesesito avogado"): each word that
names no need is compared by how it sounds (s/c/z, b/v, ll/y, a silent h, doubled
letters) and then, like the gazetteer's places, with difflib.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from cso_map.config import PROJECT_ROOT
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.text import fold_words

NEEDS_FILE = PROJECT_ROOT / "cso_map" / "data" / "needs.json"

MIN_CORRECTED_LENGTH = 4  # shorter words must be spelled right
MIN_CLOSE_LENGTH = 5  # shorter words are only forgiven how they sound
MIN_CHANGED_LENGTH = 7  # shorter words are not forgiven a changed letter
CLOSE_ENOUGH = 0.8  # difflib ratio of two spellings' sounds (the gazetteer: 0.75)

# Spellings that sound alike in Spanish (and often in English), in order.
_SOUNDS = (
    (re.compile(r"^ps"), "s"),  # "psicologo", "sicologo"
    (re.compile(r"ch"), "1"),  # keeps "ch" apart from a silent "h"
    (re.compile(r"ll"), "y"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<![cstpgw])h"), ""),  # a silent "h", not "sh", "th"...
    (re.compile(r"c(?=[ei])|z"), "s"),
    (re.compile(r"qu(?=[ei])|c|q"), "k"),
    (re.compile(r"g(?=[ei])"), "j"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"v"), "b"),
    (re.compile(r"(.)\1+"), r"\1"),
)


@dataclass(frozen=True)
class Need:
    """One plain-language choice of the help finder."""

    category: str
    icon: str
    featured: bool
    label_es: str
    label_en: str

    def label(self, lang: str) -> str:
        """Return the choice's words in `lang`."""
        return self.label_es if lang == "es" else self.label_en


@dataclass(frozen=True)
class _Vocabulary:
    """The choices, the phrases per first word, and what typed words may mean."""

    needs: tuple[Need, ...]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]
    words: frozenset[str]
    by_sound: dict[str, str]
    close_sounds: tuple[str, ...]
    stop_sounds: frozenset[str]


def _stem(word: str) -> str:
    """Return `word` without a plural "s" (both sides of a match are stemmed)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in fold_words(text).split())


def sound_of(word: str) -> str:
    """Return how a folded word sounds ("avogado" and "abogado" sound alike)."""
    for spelling, sound in _SOUNDS:
        word = spelling.sub(sound, word)
    return word


@cache
def _vocabulary() -> _Vocabulary:
    """Return the choices and the words of needs.json, ready to match."""
    data = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))
    raw = data["needs"]
    needs = tuple(
        Need(
            category=item["category"],
            icon=item["icon"],
            featured=item["featured"],
            label_es=item["es"]["label"],
            label_en=item["en"]["label"],
        )
        for item in raw
    )
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for item in raw:
        for lang in ("es", "en"):
            for text in item[lang]["words"]:
                words = _phrase(text)
                phrases[words[0]].append((words, item["category"]))
    words = frozenset(
        word
        for starting in phrases.values()
        for phrase, _category in starting
        for word in phrase
    )
    by_sound: dict[str, str] = {}
    for word in sorted(words):
        if len(word) >= MIN_CORRECTED_LENGTH:
            by_sound.setdefault(sound_of(word), word)
    stop_words = (word for lang in ("es", "en") for word in data["stop_words"][lang])
    return _Vocabulary(
        needs=needs,
        phrases=dict(phrases),
        words=words,
        by_sound=by_sound,
        close_sounds=tuple(s for s in by_sound if len(s) >= MIN_CLOSE_LENGTH),
        stop_sounds=frozenset(sound_of(_stem(fold_words(w))) for w in stop_words),
    )


def needs() -> tuple[Need, ...]:
    """Return the help finder's choices, in the order they are shown."""
    return _vocabulary().needs


def is_stop_word(word: str) -> bool:
    """Return whether a typed word never names a need ("necesito", "un", "the")."""
    folded = _phrase(word)
    return len(folded) == 1 and sound_of(folded[0]) in _vocabulary().stop_sounds


def _meant(word: str) -> tuple[str, bool]:
    """Return the needs' word a typed, folded word stands for, and if it is as typed."""
    stemmed = _stem(word)
    if stemmed in _vocabulary().words:
        return stemmed, True
    for spelling in dict.fromkeys((stemmed, word)):  # "ingls": "ingles" less its "e"
        corrected = _corrected(spelling)
        if corrected is not None:
            return corrected, False
    return stemmed, True


def _corrected(word: str) -> str | None:
    """Return the needs' word a misspelled word was meant to be, if any."""
    vocabulary = _vocabulary()
    sound = sound_of(word)
    if len(word) < MIN_CORRECTED_LENGTH or sound in vocabulary.stop_sounds:
        return None
    if sound in vocabulary.by_sound:
        return vocabulary.by_sound[sound]
    if len(sound) < MIN_CLOSE_LENGTH:
        return None
    close = difflib.get_close_matches(sound, vocabulary.close_sounds, 3, CLOSE_ENOUGH)
    alike = [key for key in close if one_typo_apart(sound, key)]
    return vocabulary.by_sound[alike[0]] if alike else None


def one_typo_apart(typed: str, meant: str) -> bool:
    """Return whether `typed` is `meant` with one letter added, lost, changed, swapped.

    The first letter must be right, and a changed or swapped letter needs a long
    word: in short ones it mostly makes another word ("padre", "madre").
    """
    if typed[:1] != meant[:1]:
        return False
    edits = [
        (i2 - i1, j2 - j1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, typed, meant, autojunk=False
        ).get_opcodes()
        if tag != "equal"
    ]
    long_enough = len(typed) >= MIN_CHANGED_LENGTH
    if len(edits) == 1:
        removed, added = edits[0]
        return max(removed, added) == 1 and (removed != added or long_enough)
    return len(edits) == 2 and long_enough and _swapped(typed, meant)


def _swapped(typed: str, meant: str) -> bool:
    """Return whether two neighbouring letters of `typed` are in the wrong order."""
    if len(typed) != len(meant):
        return False
    wrong = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
    return (
        len(wrong) == 2
        and wrong[1] == wrong[0] + 1
        and typed[wrong[0]] == meant[wrong[1]]
        and typed[wrong[1]] == meant[wrong[0]]
    )


def match_needs(text: str) -> list[str]:
    """Return the service categories typed words ask for, best match first.

    Each word stands for a needs' word (corrected if misspelled, see the module's
    docstring); a category scores, for each of its phrases found whole and in
    order, two per word spelled right and one per corrected word.
    """
    typed = [_meant(word) for word in fold_words(text).split()]
    words = tuple(word for word, _exact in typed)
    phrases = _vocabulary().phrases
    scores: dict[str, int] = defaultdict(int)
    for start, word in enumerate(words):
        for phrase, category in phrases.get(word, ()):
            end = start + len(phrase)
            if words[start:end] == phrase:
                scores[category] += sum(1 + exact for _word, exact in typed[start:end])
    order = {code: i for i, code in enumerate(SERVICE_CATEGORIES.codes())}
    return sorted(scores, key=lambda code: (-scores[code], order[code]))
