"""mkdocs plugin: a thin adapter that hands the catalog's generated pages to mkdocs.

Each handler only delegates: loading and validation live in project.py, rendering in site/.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import build
from .config import Settings
from .errors import ContentError
from .photos import ProcessedPhoto
from .render_assets import asset_files
from .site import htmlfix, search
from .site.context import page_context
from .site.head import head_tags
from .site.pages import build_pages
from .site.render import PHOTO_DIR, Renderer

log = logging.getLogger("mkdocs.plugins.secatalog")
THEME_DIR = Path(__file__).parent / "templates" / "theme"
# Pages that only list what item and enterprise pages already say: indexing them would
# make every search answer twice (and cost most of the indexing time).
SKIP_TARGET = "sc-content"
UNINDEXED = {"home", "category", "list", "procurement", "open-data", "embed", "join"}


class CatalogPluginConfig(Config):
    project_dir = opt.Optional(opt.Type(str))
    """Folder holding content/ and catalog/; defaults to the folder of mkdocs.yml."""


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Generate catalog pages from content/ during mkdocs build and serve."""

    def on_config(self, config):
        root = Path(self.config.project_dir or Path(config.config_file_path).parent).resolve()
        self.root = root
        prepared = build.take_handoff(root)
        if prepared is None:
            try:
                prepared = build.prepare(Settings(root))
            except ContentError as exc:
                lines = "\n".join(str(p) for p in exc.report.errors)
                raise PluginError(f"내용에 오류가 {len(exc.report.errors)}개 있습니다:\n{lines}") from None
        self.prepared = prepared
        catalog = prepared.catalog
        self.renderer = Renderer(catalog, prepared.photos)
        self.pages = {p.src_uri: p for p in build_pages(catalog)}
        if not config.site_url:
            config.site_url = catalog.network.site_url
        self.site_url = config.site_url
        search_plugin = config.plugins.get("material/search") or config.plugins.get("search")
        if search_plugin is not None and hasattr(search_plugin.config, "fields"):
            search_plugin.config.fields.setdefault(search.FIELD, {"boost": 10})
        config.nav = _nav(catalog, config.nav)
        # Our head-tag override sits just above material; a project's custom_dir still wins.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        return config

    def on_files(self, files: Files, config) -> Files:
        for page in self.pages.values():
            in_nav = page.kind in ("home", "category", "list", "procurement", "open-data", "embed", "casebook",
                                   "how-to-buy", "join")
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        for processed in self.prepared.photos.values():
            for name, path in _web_files(processed):
                files.append(File.generated(config, f"{PHOTO_DIR}/{name}", abs_src_path=str(path)))
        for ent in self.prepared.catalog.enterprises:
            for name, path in ent.cert_files:
                files.append(File.generated(config, f"assets/certs/{ent.slug}/{name}",
                                            abs_src_path=str(self.prepared.certs[path])))
        for src_uri, path in asset_files():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        # mkdocs and the theme print titles without escaping: hand them escaped text.
        page.meta["title"] = str(escape(generated.title))
        page.meta["description"] = str(escape(generated.description))
        if generated.kind != "home":
            page.meta.setdefault("hide", ["toc"])
        if generated.kind in UNINDEXED:
            page.meta["search"] = {"exclude": True}
        return ""

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        ctx = page_context(generated, self.renderer, self.site_url)
        # One TOC entry gives the page material's skip link ("콘텐츠로 이동"); the TOC itself is hidden.
        page.toc = TableOfContents([AnchorLink(str(escape(generated.title)), SKIP_TARGET, 1)])
        body = self.renderer.render(generated.template, generated.url, **ctx)
        return f'<div id="{SKIP_TARGET}" tabindex="-1">{body}</div>'

    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta["secatalog_head"] = str(head_tags(generated, self.renderer, self.site_url))
        return context

    def on_post_page(self, output, page, config):
        return htmlfix.repair(output)

    @event_priority(-100)  # after the search plugin wrote its index
    def on_post_build(self, config):
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text("utf-8"))
        extra = {p.url: str(escape(p.search_terms)) for p in self.pages.values() if p.search_terms}
        path.write_text(json.dumps(search.augment(index, extra), ensure_ascii=False,
                                   separators=(",", ":")), "utf-8")

    def on_serve(self, server, config, builder):
        for sub in ("content", "catalog", "casebook"):
            if (self.root / sub).is_dir():
                server.watch(str(self.root / sub))
        return server


def _web_files(processed: ProcessedPhoto):
    for derivative, path in processed.files:
        if derivative.role == "web":
            yield derivative.name(processed.key), path


def _nav(catalog, configured):
    """Catalog sections first, then whatever hand-written pages mkdocs.yml lists."""
    nav: list = [{"처음": "index.md"},
                 {"분류별 찾기": [{str(escape(c.name)): f"categories/{c.id}.md"}
                             for c in catalog.taxonomy.categories]},
                 {"기업 찾기": "enterprises/index.md"},
                 {"공공구매 바로찾기": "procurement.md"}]
    if catalog.casebook is not None:
        nav.append({"사례집": [{"사례집 차례": "casebook/index.md"},
                              {"공공구매 이렇게 하세요": "casebook/how-to-buy.md"}]})
    if catalog.bundles:
        nav.append({"꾸러미": "bundles/index.md"})
    nav += [{"참여하기": "join.md"}, {"공개 데이터": "open-data.md"}, {"홈페이지에 넣기": "embed.md"}]
    return nav + list(configured or [])

