"""Jinja2 rendering of catalog pages: autoescape on, undefined values fail loudly."""

from __future__ import annotations

import functools
from pathlib import Path

from markupsafe import Markup, escape

from ..jinja import crop_style, environment
from ..model.catalog import Catalog, Item, PhotoRef
from ..model.certificates import filter_tokens
from ..read.photos import ProcessedPhoto
from .htmlfix import script_json

PHOTO_DIR = "assets/photos"


def root_for(url: str) -> str:
    """Relative prefix from a page URL (directory style) back to the site root."""
    depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
    return "../" * depth or "./"


def json_ld(data: dict | list) -> Markup:
    return Markup(f'<script type="application/ld+json">{script_json(data)}</script>')


def _sizes(processed: ProcessedPhoto, sizes: str, attribute: str = "sizes") -> str:
    """The sizes attribute, where a choice between widths needs it."""
    return f' {attribute}="{escape(sizes)}"' if len(processed.web("WEBP")) > 1 else ""


class Renderer:
    """Renders page bodies and head tags for one catalog and its processed photos."""

    def __init__(
        self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], fragments: dict[tuple, tuple] | None = None
    ) -> None:
        self.catalog = catalog
        self.photos = photos
        self.fragments = fragments
        self.env = environment("site")
        self.env.globals.update(
            catalog=catalog, network=catalog.network, picture=self.picture, renderer=self, photo_url=self.photo_url
        )

    def render(self, template: str, url: str, **context) -> Markup:
        root = root_for(url)
        return Markup(self.env.get_template(template).render(root=root, url=url, **context))

    def fragment(self, macro: str, item: Item, root: str, *args) -> Markup:
        """An item's card or row (a macro of macros.html). A preview keeps them between its
        builds while the item's entry is the same object, i.e. unchanged (memo.py): a national
        catalog's category pages and quick finder hold thousands, and one edit changes few."""
        if self.fragments is None:
            return Markup(getattr(self._macros, macro)(item, root, *args))
        key = (macro, item.uid, root, *args)
        kept = self.fragments.get(key)
        if kept is not None and kept[0] is item.enterprise:
            return kept[1]
        html = Markup(getattr(self._macros, macro)(item, root, *args))
        self.fragments[key] = (item.enterprise, html)
        return html

    @functools.cached_property
    def _macros(self):
        return self.env.get_template("macros.html").module

    def photo_url(self, ref: PhotoRef, width: int = 960, fmt: str = "JPEG") -> str:
        """Site-relative URL of the derivative closest to a width (for OG images, JSON-LD)."""
        processed = self.photos[ref.path]
        files = processed.web(fmt)
        best = min(files, key=lambda f: abs(f[0].width - width))[0]
        return f"{PHOTO_DIR}/{best.name(processed.key)}"

    def picture(self, ref: PhotoRef, root: str, sizes: str, eager: bool = False, css: str = "") -> Markup:
        """A <picture> with WebP and JPEG sources at every width, sized to avoid layout shift.
        A photo kept at one width (a small original) needs no width list or sizes."""
        processed = self.photos[ref.path]
        sized = _sizes(processed, sizes)
        fallback = f"{root}{PHOTO_DIR}/{processed.web('JPEG')[0][0].name(processed.key)}"
        jpeg = f' srcset="{self._srcset(processed, "JPEG", root)}"{sized}' if sized else ""
        big = processed.largest_web
        loading = 'fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
        crop = crop_style(ref)
        style = f' style="{crop}"' if crop else ""
        return Markup(
            f'<picture><source type="image/webp" srcset="{self._srcset(processed, "WEBP", root)}"{sized}>'
            f'<img src="{fallback}"{jpeg} width="{big.width}" height="{big.height}" '
            f'alt="{escape(ref.alt)}" {loading} class="{escape(css)}"{style}></picture>'
        )

    def preload(self, ref: PhotoRef, root: str, sizes: str) -> Markup:
        """Ask for the first photo early: it is the largest paint of item and case pages."""
        processed = self.photos[ref.path]
        return Markup(
            f'<link rel="preload" as="image" type="image/webp" imagesrcset="{self._srcset(processed, "WEBP", root)}"'
            f'{_sizes(processed, sizes, "imagesizes")} fetchpriority="high">'
        )

    @staticmethod
    def _srcset(processed: ProcessedPhoto, fmt: str, root: str) -> str:
        """Every width of one format; a single width is named without its descriptor."""
        files = processed.web(fmt)
        if len(files) == 1:
            return f"{root}{PHOTO_DIR}/{files[0][0].name(processed.key)}"
        return ", ".join(f"{root}{PHOTO_DIR}/{d.name(processed.key)} {d.width}w" for d, _ in files)

    def item_filters(self, item: Item) -> dict[str, str]:
        """Data attributes the client-side filters read (plain strings, escaped by Jinja)."""
        p = item.product
        return {
            "org": item.enterprise.record.org_type,
            "certs": filter_tokens(item.certs),
            "eligible": "1" if item.eligibility.eligible else "0",
            "price": str(p.price) if isinstance(p.price, int) else "",
            "months": " ".join(str(m) for m in p.months) if p.months else "all",
            "gift": "1" if item.gift_ok else "0",
            "kind": p.kind,
        }
