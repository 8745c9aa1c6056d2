"""The one way templates are loaded: autoescaped, strict about missing values, with the
catalog's formatting filters (prices, months, member Markdown)."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .config import cache_root
from .site.markup import months_text, render_markdown, won


def environment(folder: str) -> Environment:
    """Templates of secatalog/templates/<folder>/ (site, print or widget)."""
    env = Environment(
        loader=PackageLoader("secatalog", f"templates/{folder}"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(won=won, months=months_text, markdown=render_markdown, urlquote=quote, words=unbroken_words)
    return env


def unbroken_words(text: str) -> Markup:
    """Each word in a span the stylesheet keeps on one line: Korean headings break between
    words, never inside one (WeasyPrint has no word-break: keep-all)."""
    return Markup(" ").join(Markup('<span class="word">{}</span>').format(word) for word in str(text).split())


def bytecode_cache() -> FileSystemBytecodeCache:
    """Compiled templates kept between builds (compiling them was a third of a small build).
    Entries are keyed by each template's source, so an edited template is compiled afresh."""
    folder = cache_root() / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
