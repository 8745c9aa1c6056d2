"""Korean search: the index material's search plugin writes, with more in it, and our own
engine (assets/workers/search.js) answering material's search box.

Our engine matches every word as a prefix, so 도시락 finds 도시락을, but 구매 would miss
우선구매. We add a hidden field with the suffixes of every Hangul word (우선구매 -> 선구매,
구매); every part of a word is then found. Synonyms go into the same field, and each item's
teaser (photo, enterprise, price) opens its text.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

HANGUL_WORD = re.compile(r"[가-힣]{3,}")
MAX_WORD = 16
FIELD = "parts"


@functools.lru_cache(maxsize=1 << 16)
def word_parts(text: str) -> tuple[str, ...]:
    """Suffixes of two or more syllables of each Hangul word, excluding the word itself.
    Cached: a preview rebuilds the index on every save from mostly the same documents."""
    seen: dict[str, None] = {}
    for match in HANGUL_WORD.finditer(text):
        word = match.group(0)[:MAX_WORD]
        for start in range(1, len(word) - 1):
            seen.setdefault(word[start:], None)
    return tuple(seen)


def augment(index: dict, extra: dict[str, str], teasers: dict[str, str] | None = None) -> dict:
    """Add the parts field to every document; extra text (synonyms) goes to its page's top, and
    a teaser (already escaped HTML text) opens its page's text, so results show it first."""
    teasers = teasers or {}
    docs = [dict(doc) for doc in index.get("docs", [])]  # the given documents stay as they are
    index["docs"] = docs
    for doc in docs:
        location = doc.get("location", "")
        page, _, anchor = location.partition("#")
        words = [doc.get("title", ""), _strip(doc.get("text", ""))]
        if not anchor and page in extra:
            words.append(extra[page])
        terms = list(word_parts(" ".join(words)))
        if not anchor and page in extra:
            terms = extra[page].split() + terms
        doc[FIELD] = " ".join(terms)
        if not anchor and page in teasers:
            doc["text"] = f'<p class="sc-search-teaser">{teasers[page]}</p> ' + doc.get("text", "")
    return index


_UNSEEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)
_SPACES = re.compile(r"\s+")


def page_document(url: str, title: str, body: str, boost: float = 1) -> dict:
    """One search document for a whole page, from its rendered body (already escaped HTML).

    Material indexes each section of a page as a document of its own: six for an item page,
    60,000 for a national catalog, and its HTML parser takes a minute at 10,000 items. An item is
    one thing to a buyer: one document, one result, its text the page's words. Tags go and
    entities stay, so the text is as safe as the page it comes from."""
    text = _UNSEEN.sub(" ", body)
    text = _SPACES.sub(" ", _strip(text)).strip()
    doc = {"location": url, "title": title, "text": text}
    if boost != 1:
        doc["boost"] = boost
    return doc


_TAG = re.compile(r"<[^>]+>")


def _strip(html: str) -> str:
    return _TAG.sub(" ", html)


# --- Korean queries: our engine in material's worker slot --------------------------------

WORKERS = "assets/javascripts/workers/"
OUR_WORKER = "secatalog-search.js"
MATERIAL_INDEX = "search_index.json"
OUR_INDEX = "secatalog-index.json"  # beside material's, in search/; our worker fetches it
_MATERIAL_WORKER = re.compile(r"(assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)")
_OUR_SOURCE = Path(__file__).parents[1] / "assets" / "workers" / "search.js"


def use_our_worker(html: str) -> str:
    """Point a page's search at our worker (material names its worker in the page's config)."""
    return _MATERIAL_WORKER.sub(lambda m: m.group(1) + OUR_WORKER, html, count=1)


def write_worker(site: Path) -> None:
    """Write our worker beside material's (which stays, unused, for comparison), when the
    site has material's search at all."""
    folder = site / WORKERS
    if any(folder.glob("search.*.min.js")):
        (folder / OUR_WORKER).write_text(_OUR_SOURCE.read_text("utf-8"), "utf-8")


def write_index(folder: Path, index: dict) -> None:
    """Write the whole index where our worker fetches it, and leave material's file only its
    config: every page's script downloads and parses material's file (23 MB at 10,000 items,
    a second of a phone's main thread on every page), while our worker reads ours off it."""
    dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    (folder / OUR_INDEX).write_text(dumps(index), "utf-8")
    (folder / MATERIAL_INDEX).write_text(dumps({"config": index.get("config", {}), "docs": []}), "utf-8")
