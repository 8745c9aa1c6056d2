"""The search documents of every current page, kept between the builds of one process.

Material's search plugin indexes only the pages a build renders; a preview build renders only
the changed ones. This store keeps, per page, the documents material made of it and the one
we make of a whole page (items, enterprises), and gives the index every current page's.
"""

from __future__ import annotations

from . import material


class SearchDocs:
    def __init__(self) -> None:
        self.material: dict[str, list[dict]] = {}
        self.own: dict[str, dict] = {}
        self._index: object | None = None
        self._seen = 0

    def take_material(self, url: str, config) -> None:
        """Keep the documents material's search just made of the page at url."""
        found = material.search_entries(config)
        if found is None:
            return
        index, entries = found
        if index is not self._index:  # a new build: material starts a new index
            self._index, self._seen = index, 0
        self.material[url] = entries[self._seen :]
        self._seen = len(entries)

    def current(self, written: list[dict], urls: list[str]) -> list[dict]:
        """Every current page's documents in page order (urls). Without material's entries
        (search off, or not material's), what the search plugin wrote, then ours."""
        if not self.material:
            return written + [self.own[url] for url in urls if url in self.own]
        docs: list[dict] = []
        for url in urls:
            docs += self.material.get(url, [])
            if url in self.own:
                docs.append(self.own[url])
        return docs
