"""secatalog: a social-economy products catalog, case book and print editions from YAML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("secatalog")
    """One source: pyproject.toml's version, as installed."""
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

GENERATOR = f"secatalog {__version__}"
"""How every output names what made it: the site's generator tag, PDF metadata, data exports."""
