"""Performance: a stress-plan generator and the `make bench` benchmark (not part of make test)."""
