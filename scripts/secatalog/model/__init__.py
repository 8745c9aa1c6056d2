"""MODEL: validated, immutable records of entries and of the network's configuration, and the
facts derived from them (eligibility, certificate states, the whole catalog, the JSON Schema)."""
