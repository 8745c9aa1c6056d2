"""secatalog: a social-economy products catalog, case book and print editions from YAML."""

__version__ = "0.1.0"
