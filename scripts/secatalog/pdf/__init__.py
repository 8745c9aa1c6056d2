"""RENDER for print: catalog model -> print HTML -> WeasyPrint (restricted fetcher) -> PDFs."""
