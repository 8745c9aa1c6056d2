"""BUILD: the one build path (the mkdocs plugin and the recipe around it) and the preview."""
