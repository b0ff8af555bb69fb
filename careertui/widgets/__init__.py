"""Reusable widgets: the step bar, charts, rating bars, forms."""
