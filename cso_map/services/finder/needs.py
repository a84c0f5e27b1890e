"""What a person needs: plain-language choices and typed words, as service categories.

The choices and the words are data (cso_map/data/needs.json), in both languages.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from cso_map.config import PROJECT_ROOT
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.text import fold_words

NEEDS_FILE = PROJECT_ROOT / "cso_map" / "data" / "needs.json"


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


def _stem(word: str) -> str:
    """Return `word` without a plural "s" (both sides of a match are stemmed)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in fold_words(text).split())


@cache
def _data() -> tuple[tuple[Need, ...], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Return the choices and, per first word, the phrases that match a category."""
    raw = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))["needs"]
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
    return needs, dict(phrases)


def needs() -> tuple[Need, ...]:
    """Return the help finder's choices, in the order they are shown."""
    return _data()[0]


def match_needs(text: str) -> list[str]:
    """Return the service categories typed words ask for, best match first.

    A category scores the number of words of each of its phrases found whole and
    in order in `text`; categories that score nothing are left out.
    """
    words = _phrase(text)
    phrases = _data()[1]
    scores: dict[str, int] = defaultdict(int)
    for start, word in enumerate(words):
        for phrase, category in phrases.get(word, ()):
            if words[start : start + len(phrase)] == phrase:
                scores[category] += len(phrase)
    order = {code: i for i, code in enumerate(SERVICE_CATEGORIES.codes())}
    return sorted(scores, key=lambda code: (-scores[code], order[code]))
