"""mkdocs plugin: the one build path. `mkdocs build`, `mkdocs serve` and `secatalog build` all
run through it, as mkdocs-material's social and blog plugins do.

on_config loads and validates the project (or takes what `secatalog build` already prepared,
handed over through this instance), the page events render the generated pages, and
on_post_build writes the outputs outside the pages: open data, widget, print editions (skipped
under `serve` unless `serve_print: true`). Each handler only delegates: loading and validation
live in read/ (read/project.py), rendering in site/ (navigation in site/navigation.py), pdf/ and
data/, what a preview keeps between builds in build/preview.py, the search documents of every
page in site/search_docs.py.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .. import GENERATOR
from ..errors import ContentError, PrintError, Problem
from ..jinja import bytecode_cache, with_role
from ..read import photos
from ..settings import Settings
from ..site import history, htmlfix, material, navigation, search, webfont
from ..site.assets import asset_files
from ..site.context import page_context
from ..site.head import head_tags
from ..site.pages import build_pages
from ..site.render import PHOTO_DIR, Renderer
from ..site.search_docs import SearchDocs
from . import recipe
from .preview import PageFile, Preview, preview_app, problems_page, watch_with_inotify
from .recipe import Prepared

STYLESHEET = "assets/secatalog/catalog.css"
SCRIPTS = (
    "assets/secatalog/filters.js",
    "assets/secatalog/search.js",
    "assets/secatalog/sidebar.js",
    "assets/secatalog/subnav.js",
    "assets/secatalog/buybar.js",
    "assets/secatalog/quick.js",
)

log = logging.getLogger("mkdocs.plugins.secatalog")
THEME_DIR = Path(__file__).parents[1] / "templates" / "theme"
SKIP_TARGET = "sc-content"


GUIDE = "secretariat.md"
"""The secretariat's guide among a network's pages (secatalog init writes it)."""


class CatalogPluginConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn the catalog off (the site keeps only its hand-written pages)."""
    print = opt.Type(bool, default=True)
    """Write the print editions (PDF) into print/ after `mkdocs build`."""
    serve_print = opt.Type(bool, default=False)
    """Also write them under `mkdocs serve` (slow: off by default)."""
    workers = opt.Optional(opt.Type(int))
    """Processes for photos and PDF chunks; default: one per CPU."""
    project_dir = opt.Optional(opt.Dir(exists=True))
    """Folder holding content/ and catalog/; defaults to the folder of mkdocs.yml."""


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Generate catalog pages and outputs from content/ during mkdocs build and serve."""

    command = "build"
    handed: Prepared | None = None
    prepared: Prepared | None = None
    """The catalog this build renders (None when disabled or when content errors are shown)."""
    problems: list[Problem] | None = None
    """Under `serve`, content errors become the preview's only page instead of stopping it."""
    updated: dict = {}
    """When each member file last changed (from git), for the pages made from it."""

    def hand_over(self, prepared: Prepared) -> None:
        """`secatalog build` validated and prepared the project already: use it for the next build."""
        self.handed = prepared

    def on_startup(self, *, command, dirty):
        self.command = command
        # `secatalog serve` (a dirty serve) keeps entries and rendered pages between rebuilds and
        # renders again only the pages whose inputs changed; every other build starts afresh.
        self.preview = Preview() if command == "serve" and dirty else None
        self.search_docs = SearchDocs()

    def on_config(self, config):
        if not self.config.enabled:
            return config
        root = Path(self.config.project_dir or Path(config.config_file_path).parent).resolve()
        self.root = root
        prepared, self.handed = self.handed, None
        self.from_cli = prepared is not None  # the CLI reports its own errors in Korean
        self.problems = None
        if prepared is None:
            try:
                memo = self.preview.memo if self.preview else None
                prepared = recipe.prepare(Settings(root), self.config.workers, memo)
            except ContentError as exc:
                lines = "\n".join(str(p) for p in exc.report.errors)
                message = f"내용에 오류가 {len(exc.report.errors)}개 있습니다:\n{lines}"
                if self.command != "serve":
                    raise PluginError(message) from None
                log.error(message)
                return self._show_problems(config, exc.report)
        self.prepared = prepared
        catalog = prepared.catalog
        if not self.from_cli:
            # mkdocs counts its loggers' warnings: `mkdocs build --strict` fails on an expired
            # certificate as `secatalog build` reports it (the CLI prints them itself, in Korean).
            for problem in catalog.report.warnings:
                log.warning(str(problem))
        if self.preview:
            self.preview.start(catalog, [Path(d) for d in config.theme.dirs])
        self.renderer = Renderer(catalog, prepared.photos, self.preview.fragments if self.preview else None)
        self.pages = {p.src_uri: p for p in build_pages(catalog)}
        self.navs: dict[str, str] = {}
        """Rendered sidebars by kind, depth and hidden parts (see theme main.html)."""
        self.updated = history.last_changed(root)
        if not config.site_url:
            config.site_url = catalog.network.site_url
        office = catalog.network.contact  # the publisher, in every footer (the partial escapes each value)
        publisher = with_role(catalog.network.name, office.role or "")  # not '…네트워크 네트워크 사무국'
        config.extra["secatalog_publisher"] = {**office.model_dump(mode="json"), "name": publisher, "role": ""}
        # the secretariat's guide (PRs, previews, fact checks) from every footer, not the buyers' menu
        guide = Path(config.docs_dir) / GUIDE
        config.extra["secatalog_guide"] = GUIDE.removesuffix(".md") + "/" if guide.is_file() else ""
        config.extra["secatalog_generator"] = GENERATOR
        config.extra["secatalog_network"] = catalog.network.name  # the header's lockup (partials/header.html)
        config.extra["secatalog_colour"] = catalog.network.colour  # the header in the network's colour
        config.extra["secatalog_search_hint"] = catalog.search_examples  # the 404 page's search box
        # a search that finds nothing names this network's own categories (partials/search.html)
        config.extra["secatalog_categories"] = ", ".join([c.name for c, items in catalog.by_category if items][:3])
        self.site_url = config.site_url
        material.boost_field(config, search.FIELD, 10)
        config.nav = navigation.catalog_nav(catalog, config.nav)
        # Every network gets the catalog's stylesheet and scripts, whatever its mkdocs.yml lists.
        for listed, asset in ((config.extra_css, STYLESHEET), *((config.extra_javascript, s) for s in SCRIPTS)):
            if asset not in [str(entry) for entry in listed]:
                listed.append(asset)
        # Our head-tag override sits just above material; a project's custom_dir still wins.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        return config

    def _show_problems(self, config, report):
        if self.preview:
            self.preview.forget()  # it shows only the problems: render everything once fixed
        self.problems, self.prepared, self.pages = report.errors + report.warnings, None, {}
        config.nav = [{"내용 오류": "index.md"}]
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = bytecode_cache()  # the theme's templates too (material's are many)
        self._page_urls = [f.url for f in files.documentation_pages()]
        return env

    def on_nav(self, nav, config, files):
        if self.prepared is not None:
            navigation.add_counts(nav.pages, self.pages)
        return nav

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        if self.problems is not None:
            for existing in [f for f in files if f.src_uri == "index.md"]:
                files.remove(existing)
            files.append(File.generated(config, "index.md", content=""))
            return files
        for page in self.pages.values():
            unchanged = self.preview is not None and self.preview.unchanged(page)
            if unchanged and not page.kind.in_nav:
                continue  # a preview: its page from the last build stays, and mkdocs need not know it
            inclusion = InclusionLevel.INCLUDED if page.kind.in_nav else InclusionLevel.NOT_IN_NAV
            file = PageFile.generated(config, page.src_uri, content="", inclusion=inclusion)
            file.unchanged = unchanged
            files.append(file)
        for ent in self.prepared.catalog.enterprises:
            for name, path in ent.cert_files:
                files.append(
                    File.generated(
                        config, f"assets/certs/{ent.slug}/{name}", abs_src_path=str(self.prepared.certs[path])
                    )
                )
        for src_uri, path in asset_files():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        return files

    def on_pre_page(self, page, config, files):
        if self._generated(page) is not None:
            # Its body is rendered from the catalog (on_page_context): mkdocs need not build a
            # Markdown converter for its empty text, nor keep its anchors (10,000 of each).
            # A class swap, not an attribute: a per-page attribute would unshare each page's dict.
            page.__class__ = _CatalogPage
        return page

    def on_page_markdown(self, markdown, page, config, files):
        if self.problems is not None and page.file.src_uri == "index.md":
            page.meta["title"] = f"내용 오류 {sum(not p.warning for p in self.problems)}개"
            return ""
        generated = self._generated(page)
        if generated is None:
            return markdown
        # mkdocs and the theme print titles without escaping: hand them escaped text.
        page.meta["title"] = str(escape(generated.title))
        page.meta["description"] = str(escape(generated.description))
        hide = [] if generated.kind.toc else ["toc"]
        hide += [] if generated.kind.has_sidebar else ["navigation"]
        if hide:
            page.meta.setdefault("hide", hide)
        if not generated.kind.indexed or generated.kind.search_whole:
            page.meta["search"] = {"exclude": True}  # whole pages: our own document (_body)
        elif generated.kind.search_boost != 1:
            page.meta["search"] = {"boost": generated.kind.search_boost}
        return ""

    def on_page_content(self, html, page, config, files):
        if self.problems is not None and page.file.src_uri == "index.md":
            return problems_page(self.problems)
        generated = self._generated(page)
        if generated is None:
            return html
        # One TOC entry gives the page material's skip link ("콘텐츠로 이동"); the TOC itself is hidden.
        page.toc = TableOfContents([AnchorLink(str(escape(generated.title)), SKIP_TARGET, 1)])
        return ""  # rendered when the page is written (on_page_context), so one body is held at a time

    @event_priority(50)  # before the search plugin reads the page's content
    def on_page_context(self, context, page, config, nav):
        generated = self._generated(page)
        if generated is None:
            return context
        page.content = self._body(generated)
        page.meta["secatalog_head"] = str(head_tags(generated, self.renderer, self.site_url))
        if not generated.kind.in_nav:  # nothing in the nav is active: same sidebars per depth
            hidden = ",".join(page.meta.get("hide", ()))
            context["secatalog_nav_key"] = f"{generated.kind.name}|{context['base_url']}|{hidden}"
            context["secatalog_navs"] = self.navs
        return context

    def _body(self, generated) -> str:
        ctx = page_context(generated, self.renderer, self.site_url)
        body = self.renderer.render(generated.kind.template, generated.url, **ctx)
        changed = self.updated.get(generated.source)
        if changed is not None:
            body += Markup('<p class="sc-updated">최종 수정 <time datetime="{0}">{0}</time></p>').format(changed)
        kind = generated.kind
        if kind.indexed and kind.search_whole:
            title = str(escape(generated.title))
            teaser = str(self._teaser(generated)) if generated.search_teaser else ""
            doc = search.page_document(generated.url, title, body, kind.search_boost, teaser)
            self.search_docs.own[generated.url] = doc
        return f'<div id="{SKIP_TARGET}" tabindex="-1">{body}</div>'

    def on_post_page(self, output, page, config):
        if self._writes_outputs:
            self.search_docs.take_material(page.url, config)
        if self._generated(page) is not None:
            # Written: 10,000 bodies, head tags and contents lists need not stay until the end.
            page.content, page.toc = None, TableOfContents([])
            page.meta.pop("secatalog_head", None)
        output = htmlfix.unbreakable(htmlfix.compact(htmlfix.repair(output)))
        # Our search worker is written with the other outputs: point at it only when it will be.
        return search.use_our_worker(output) if self._writes_outputs else output

    def on_post_template(self, output_content, template_name, config):
        """Theme pages written outside the nav (404.html) get the same text rules as the others."""
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return htmlfix.unbreakable(output_content)

    @property
    def _writes_outputs(self) -> bool:
        return self.config.enabled and self.prepared is not None

    def _generated(self, page):
        return self.pages.get(page.file.src_uri) if self.config.enabled else None

    @event_priority(-100)  # after the search plugin wrote its index
    def on_post_build(self, config):
        if not self._writes_outputs:
            return
        site = Path(config.site_dir)
        photos.publish(self.prepared.photos.values(), site / PHOTO_DIR)
        self._augment_search(site / "search")
        if self.preview:
            self.preview.rendered(self.pages.values())
        search.write_worker(site)
        webfont.write(site, self.prepared.catalog.settings.cache_dir)  # after every page and the index
        from ..data import export, widget

        if self.preview and (site / "data").is_dir():
            log.info("미리보기: 공개 데이터와 위젯은 처음 만든 것을 그대로 둡니다 (secatalog build로 새로 만드세요)")
        else:
            export.write_all(self.prepared, site)
            widget.write_all(self.prepared.catalog, site / "widget")
        if self.config.print and (self.command != "serve" or self.config.serve_print):
            from ..pdf import editions  # WeasyPrint is a heavy import; previews skip it

            try:
                editions.write_all(self.prepared, site, self.config.workers)
            except PrintError as exc:
                if self.from_cli:
                    raise
                raise PluginError(f"인쇄물을 만들지 못했습니다: {exc}") from None

    def _augment_search(self, folder: Path) -> None:
        path = folder / search.MATERIAL_INDEX
        if not path.exists():
            return
        index = json.loads(path.read_text("utf-8"))
        extra = {p.url: str(escape(p.search_terms)) for p in self.pages.values() if p.search_terms}
        urls = list(dict.fromkeys([*self._page_urls, *(p.url for p in self.pages.values())]))
        index["docs"] = self.search_docs.current(index["docs"], urls)
        search.write_index(folder, search.augment(index, extra))

    def _teaser(self, page) -> Markup:
        """A result's first line: a small photo (from the site's root path, as results show on
        any page) and the page's teaser text."""
        text = escape(page.search_teaser)
        if page.image is None:
            return text
        src = urlsplit(self.site_url).path + self.renderer.photo_url(page.image, 480)
        return Markup('<img class="sc-search-thumb" src="{}" alt="" width="64" height="48" /> ').format(src) + text

    def on_serve(self, server, config, builder):
        if not self.config.enabled:
            return server
        for sub in ("content", "catalog", "casebook"):
            if (self.root / sub).is_dir():
                server.watch(str(self.root / sub))
        watch_with_inotify(server)
        server.set_app(preview_app(server.get_app(), server.mount_path, lambda: self.problems))
        return server


class _CatalogPage(Page):
    def render(self, config, files) -> None:
        self.content = ""
