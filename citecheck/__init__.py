"""citecheck: check the quotes in a news draft against their sources."""
