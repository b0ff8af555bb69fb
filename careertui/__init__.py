"""careertui: build and follow a career progression plan in the terminal."""

__version__ = "0.1.0"
