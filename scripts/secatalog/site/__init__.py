"""RENDER for the web: catalog model -> generated page bodies, head tags and search terms."""
