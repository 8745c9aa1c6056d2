"""The one way templates are loaded: autoescaped, strict about missing values, with the
catalog's formatting filters (prices, months, member Markdown)."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .site.markup import months_text, render_markdown, won


def environment(folder: str) -> Environment:
    """Templates of secatalog/templates/<folder>/ (site, print or widget)."""
    env = Environment(
        loader=PackageLoader("secatalog", f"templates/{folder}"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(won=won, months=months_text, markdown=render_markdown, urlquote=quote)
    return env
