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

from . import material

HANGUL_WORD = re.compile(r"[가-힣]{3,}")
MAX_WORD = 16
FIELD = "parts"


def word_parts(text: str) -> tuple[str, ...]:
    """Suffixes of two or more syllables of each Hangul word, excluding the word itself."""
    seen: dict[str, None] = {}
    for match in HANGUL_WORD.finditer(text):
        word = match.group(0)[:MAX_WORD]
        for start in range(1, len(word) - 1):
            seen.setdefault(word[start:], None)
    return tuple(seen)


def augment(index: dict, extra: dict[str, str]) -> dict:
    """Add the parts field to every document that has none (material's); extra text (synonyms)
    and its parts go to its page's top."""
    docs = [dict(doc) for doc in index.get("docs", [])]  # the given documents stay as they are
    index["docs"] = docs
    for doc in docs:
        page, _, anchor = doc.get("location", "").partition("#")
        if FIELD not in doc:
            doc[FIELD] = _parts(doc)
        if not anchor and page in extra:
            words = extra[page]
            doc[FIELD] = " ".join(dict.fromkeys([*words.split(), *doc[FIELD].split(), *word_parts(words)]))
    return index


def _parts(doc: dict) -> str:
    return " ".join(word_parts(doc.get("title", "") + " " + _strip(doc.get("text", ""))))


_UNSEEN = re.compile(r"<(script|style|template|h1)\b.*?</\1>", re.S | re.I)
"""Not in a result's excerpt: code, and the page's title (the result's heading says it: the
excerpt repeated it, "방역·소독 · 방역·소독")."""
_EXCLUDED = re.compile(r"<(p|div|section)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", re.S | re.I)
"""Blocks marked as material marks them (the buttons: 'mail', 'call', 'PDF' are no search words; an item
page's cards of its maker's other items, which made every item of a maker match each one's name);
each is one element without another of its kind inside."""
_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"</th>\s*<td\b", re.I)
_BLOCK_END = re.compile(
    r"</(?:p|li|td|th|tr|dt|dd|h[1-6]|caption|figcaption|blockquote|nav|div|header|section|table|ul|ol|dl)>", re.I
)
_SEPARATORS = re.compile(r"(?:\s*·\s*){2,}")
"""A result's excerpt ran a table's labels into its values and one heading into the next
("가격 80,000원 / 1대 구분 서비스(용역) 납품"): a row's label is followed by a colon, a block's
end by a middle dot, once ("가격: 80,000원 / 1대 · 구분: 서비스(용역) · 납품")."""


def page_document(url: str, title: str, body: str, boost: float = 1, teaser: str = "") -> dict:
    """One search document for a whole page, from its rendered body (already escaped HTML).

    Material indexes each section of a page as a document of its own: six for an item page,
    60,000 for a national catalog, and its HTML parser takes a minute at 10,000 items. An item is
    one thing to a buyer: one document, one result, its text the page's words. Tags go and
    entities stay, so the text is as safe as the page it comes from. A teaser (escaped HTML: an
    item's photo, enterprise, price) opens the text, so results show it first.

    Parts and teaser are made once per render: a preview keeps unchanged pages' documents."""
    text = _EXCLUDED.sub(" ", _UNSEEN.sub(" ", body))
    text = _BLOCK_END.sub(" · ", _LABEL.sub(": <td", text))
    text = _SPACES.sub(" ", _strip(text)).strip()
    text = _SEPARATORS.sub(" · ", text).strip(" ·")
    doc: dict[str, object] = {"location": url, "title": title, "text": text}
    doc[FIELD] = _parts(doc)
    if teaser:
        doc["text"] = f'<p class="sc-search-teaser">{teaser}</p> {text}'
    if boost != 1:
        doc["boost"] = boost
    return doc


_TAG = re.compile(r"<[^>]+>")
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|small|span|strong|sub|sup)\b[^>]*>", re.I)
"""Tags inside a word's run: gone without a space ("42<span>건</span>에서" read "42건 에서")."""


def _strip(html: str) -> str:
    return _TAG.sub(" ", _INLINE_TAG.sub("", html))


# --- Korean queries: our engine in material's worker slot --------------------------------

OUR_WORKER = "secatalog-search.js"
MATERIAL_INDEX = material.INDEX_FILE
OUR_INDEX = "secatalog-index.json"  # beside material's, in search/; our worker fetches it
_OUR_SOURCE = Path(__file__).parents[1] / "assets" / "workers" / "search.js"


def use_our_worker(html: str) -> str:
    """Point a page's search at our worker (material names its worker in the page's config)."""
    return material.point_at_worker(html, OUR_WORKER)


def write_worker(site: Path) -> None:
    """Write our worker beside material's (which stays, unused, for comparison), when the
    site has material's search at all."""
    if material.has_worker(site):
        (site / material.WORKERS / OUR_WORKER).write_text(_OUR_SOURCE.read_text("utf-8"), "utf-8")


def write_index(folder: Path, index: dict) -> None:
    """Write the whole index where our worker fetches it, and leave material's file only its
    config: every page's script downloads and parses material's file (23 MB at 10,000 items,
    a second of a phone's main thread on every page), while our worker reads ours off it.
    Written a document at a time: the index as one string was 23 MB more at the build's peak."""
    dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    rest = {key: value for key, value in index.items() if key != "docs"}
    with (folder / OUR_INDEX).open("w", encoding="utf-8") as fh:
        fh.write("{" + "".join(f"{dumps(key)}:{dumps(value)}," for key, value in rest.items()) + '"docs":[')
        for n, doc in enumerate(index.get("docs", [])):
            fh.write("," + dumps(doc) if n else dumps(doc))
        fh.write("]}")
    (folder / MATERIAL_INDEX).write_text(dumps(material.index_shell(index)), "utf-8")
