"""DATA: what the catalog publishes besides pages: open data, the widget, statistics, card news."""
