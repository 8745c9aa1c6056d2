"""`secatalog serve` at scale: what a preview keeps between its builds, so that saving one entry
renders again only the pages that show it (a dirty mkdocs serve), and the preview's own pages.

A page is unchanged when it names its inputs (GeneratedPage.inputs: the member files it shows),
none of them was read again since the last build (memo.py) and nothing every page shares
changed (fingerprint.shared_inputs): configuration, case book, bundles, theme, code, date.
"""

from __future__ import annotations

import logging
import os
import posixpath
from typing import Any

from markupsafe import Markup
from mkdocs.structure.files import File

from ..errors import Problem
from ..read.memo import EntryMemo
from . import fingerprint

log = logging.getLogger("mkdocs.plugins.secatalog")


class Preview:
    def __init__(self) -> None:
        self.memo = EntryMemo()
        self._shared: str | None = None
        self._kept: frozenset[str] = frozenset()
        """Entry files (shown paths) not read again since the last build."""
        self._rendered: dict[str, frozenset[str] | None] = {}
        self.fragments: dict[tuple, tuple] = {}
        """Rendered cards and rows of items, with the entry they were made from (site/render.py)."""

    def start(self, catalog, theme_dirs) -> None:
        """A build begins: which entries' pages from the last build are still right."""
        shared = fingerprint.shared_inputs(catalog.settings, theme_dirs)
        same, self._shared = shared == self._shared, shared
        reread = self.memo.reread
        self._kept = frozenset(e.shown for e in catalog.enterprises if e.slug not in reread) if same else frozenset()
        # A fragment stays while its entry is the kept one and templates and code are unchanged.
        current = {id(e) for e in catalog.enterprises}
        self.fragments = {k: v for k, v in self.fragments.items() if id(v[0]) in current} if same else {}

    def unchanged(self, page) -> bool:
        return page.inputs is not None and page.inputs <= self._kept and self._rendered.get(page.src_uri) == page.inputs

    def rendered(self, pages) -> None:
        """The build succeeded: these pages are on disk with these inputs."""
        self._rendered = {p.src_uri: p.inputs for p in pages}

    def forget(self) -> None:
        self._shared = None


def watch_with_inotify(server) -> None:
    """mkdocs polls what it watches twice a second, walking every file: a national catalog's
    content/ is 12,000 files, walked while the preview builds. Where the system can tell us of
    changes (inotify on Linux), it does; where it cannot, polling stays."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    watched = dict(getattr(server, "_watched_paths", {}))
    if Observer is PollingObserver or not watched:
        return
    probe = Observer()  # a watch limit shows when an observer starts: try one first
    try:
        for path in watched:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError as exc:
        log.warning("파일 변경 알림(inotify)을 쓸 수 없어 폴더를 주기적으로 살핍니다: %s", exc)
        return
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _changes_only(Observer)()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


def _changes_only(observer: Any) -> type:
    """An observer that reports writes, not reads. inotify also tells of every file opened and
    closed unwritten, and mkdocs rebuilds on any event: the build reads catalog/ and the edited
    entry, so each build started the next, for as long as the preview ran."""
    from watchdog import events

    changes = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.FileClosedEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]

    class ChangesOnly(observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(
                event_handler,
                path,
                recursive=recursive,
                event_filter=event_filter or changes,
                follow_symlink=follow_symlink,
            )

    return ChangesOnly


class PageFile(File):
    """A generated page; in a preview, one whose inputs did not change is not rendered again."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged or not os.path.isfile(self.abs_dest_path)


def problems_page(problems: list[Problem]) -> str:
    """The preview while content has errors: every problem, escaped, with where and how to fix."""
    errors = sum(not p.warning for p in problems)
    rows = "".join(
        Markup("<li><strong>{}</strong> <code>{}</code> {}{}{}</li>").format(
            "경고" if p.warning else "오류",
            str(p.location),
            f"{p.field}: " if p.field else "",
            p.message,
            f" — {p.hint}" if p.hint else "",
        )
        for p in problems
    )
    return str(
        Markup(
            '<div class="sc-problems" role="alert"><h1>내용에 오류가 {}개 있습니다</h1>'
            "<p>아래 파일의 줄을 고쳐 저장하면 이 미리보기가 저절로 다시 만들어집니다. "
            "오류가 남아 있는 동안에는 어느 쪽을 열어도 이 안내가 보입니다 (고치기 전의 옛 내용을 "
            "보여 드리지 않으려는 것입니다).</p>"
            "<ol>{}</ol></div>"
        ).format(errors, Markup(rows))
    )


PDF_NOTICE = (
    '<!doctype html><html lang="ko"><meta charset="utf-8"><title>PDF는 secatalog build 뒤에 생깁니다</title>'
    '<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6">'
    "<h1>PDF는 secatalog build 뒤에 생깁니다</h1>"
    "<p>미리보기(<code>secatalog serve</code>)는 빨리 보여 드리려고 인쇄용 PDF를 만들지 않습니다. "
    "PDF를 보려면 다른 터미널에서 <code>secatalog build</code>를 실행한 뒤 <code>site/print/</code> 폴더를 여세요.</p>"
    '<p><a href="javascript:history.back()">앞 쪽으로 돌아가기</a></p></body></html>'
)


def preview_app(app, mount_path: str, problems) -> object:
    """The preview's web server, in front of mkdocs' own (a WSGI middleware).

    While content has errors, every page asked for is the problems page (with the livereload
    script, so it turns back into the page once the error is fixed): a page from the last good
    build shows content older than the member's last save, which she would take for her edit.
    `problems()` is read after mkdocs answered, i.e. after the build under way finished.
    A print PDF, which a preview does not make, is a page saying so, not a bare 404."""

    def respond(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/livereload/"):
            return app(environ, start_response)
        status, headers, body = _call(app, environ)
        is_page = posixpath.splitext(path)[1] in ("", ".html")
        if is_page and problems() is not None and (status.startswith("404") or _is_html(headers)):
            _close(body)
            status, headers, body = _problems_response(app, environ, mount_path)
        elif status.startswith("404") and path.startswith(mount_path + "print/") and path.endswith(".pdf"):
            _close(body)
            data = PDF_NOTICE.encode()
            status, body = "404 Not Found", [data]
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))]
        start_response(status, headers)
        return body

    return respond


def _call(app, environ):
    answer: list = []

    def capture(status, headers, exc_info=None):
        answer[:] = [status, headers]
        return lambda data: None

    body = app(environ, capture)
    return answer[0], answer[1], body


def _is_html(headers) -> bool:
    return any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)


def _close(body) -> None:
    if hasattr(body, "close"):
        body.close()


def _problems_response(app, environ, mount_path: str):
    """The problems page (the home page of a build with errors) at any address: a <base> makes
    its relative links (styles, scripts) resolve from the site's root wherever it is shown."""
    status, headers, body = _call(app, {**environ, "PATH_INFO": mount_path})
    try:
        data = b"".join(body)
    finally:
        _close(body)
    base = str(Markup('<base href="{}">').format(mount_path)).encode()
    data = data.replace(b"<head>", b"<head>" + base, 1)
    headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
    return status, [*headers, ("Content-Length", str(len(data)))], [data]
