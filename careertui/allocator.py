"""How careertui keeps the C allocator from holding memory per thread on Linux."""

from __future__ import annotations

import functools
import sys

# glibc's mallopt() parameter for the number of memory arenas (malloc.h).
M_ARENA_MAX = -8


@functools.cache  # once a process: the setting holds for every thread started after it
def use_one_malloc_arena() -> bool:
    """Let every thread allocate from the main arena; True when the allocator took it.

    glibc gives each thread that allocates its own arena, and frees little of it back. The
    O*NET library is read in a worker thread: its JSON, freed once the library is built, left
    about 9 MB of a 5,000-item session's peak in that thread's arena. One thread runs Python
    at a time (the GIL), so sharing one arena costs nothing in speed. It holds for threads
    started after it; elsewhere than glibc it does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here, not at the top: ctypes costs the first frame ~5 ms

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))
