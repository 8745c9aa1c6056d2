"""Make Korean compounds findable by their parts in mkdocs-material's search.

Material's search keeps raw Hangul and adds a trailing wildcard, so 도시락 finds 도시락을,
but 구매 misses 우선구매. We add a hidden field with the suffixes of every Hangul word
(우선구매 -> 선구매, 구매); with the trailing wildcard, every part of a word is then found.
"""

from __future__ import annotations

import re

HANGUL_WORD = re.compile(r"[가-힣]{3,}")
MAX_WORD = 16
FIELD = "parts"


def word_parts(text: str) -> list[str]:
    """Suffixes of two or more syllables of each Hangul word, excluding the word itself."""
    seen: dict[str, None] = {}
    for match in HANGUL_WORD.finditer(text):
        word = match.group(0)[:MAX_WORD]
        for start in range(1, len(word) - 1):
            seen.setdefault(word[start:], None)
    return list(seen)


def augment(index: dict, extra: dict[str, str]) -> dict:
    """Add the parts field to every document; extra text (synonyms) goes to its page's top."""
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page, _, anchor = location.partition("#")
        words = [doc.get("title", ""), _strip(doc.get("text", ""))]
        if not anchor and page in extra:
            words.append(extra[page])
        terms = word_parts(" ".join(words))
        if not anchor and page in extra:
            terms = extra[page].split() + terms
        doc[FIELD] = " ".join(terms)
    return index


_TAG = re.compile(r"<[^>]+>")


def _strip(html: str) -> str:
    return _TAG.sub(" ", html)
