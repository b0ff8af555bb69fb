"""How careertui tunes Python's cycle collector for a long session on a large plan."""

from __future__ import annotations

import gc

# Young-object collections run after this many allocations (Python's default is 700).
GC_THRESHOLD = (50_000, 20, 10)


def collect_less_often() -> None:
    """Rarer collections of young objects, from the start of the command: reading a large
    plan makes tens of thousands of objects that all live on, and the collector went through
    them again and again while they were made."""
    gc.set_threshold(*GC_THRESHOLD)


def tune_garbage_collection() -> None:
    """Keep Python's cycle collector from pausing ticks and step switches on a large plan.

    The plan (thousands of records) and Textual stay in memory all session, and the collector
    went through all of them again and again, for up to a few hundred milliseconds a time.
    What exists now (the plan is read) is frozen out of its scans, and rarer collections of
    young objects leave the rest of the work undisturbed.
    """
    gc.freeze()
    collect_less_often()


def keep_out_of_collections() -> None:
    """Once tune_garbage_collection has run (the CLI's way): freeze what exists now as well,
    when more that lives all session was made (the steps built ahead)."""
    if gc.get_freeze_count():
        gc.freeze()
