"""A static file server that gzips text like GitHub Pages or nginx do, for the Lighthouse script.

Python's http.server sends everything uncompressed, which Lighthouse then blames on the site.
Run: python scripts/bench/serve_gzip.py DIR PORT  (binds 127.0.0.1 only)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
from pathlib import Path

COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESS or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def main() -> None:
    folder, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=folder)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
