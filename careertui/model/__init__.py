"""The plan's dataclasses and the pure functions over them; no UI here."""
