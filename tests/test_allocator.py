"""The C allocator keeps one arena for every thread once use_one_malloc_arena has run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from careertui.allocator import use_one_malloc_arena

# A thread allocates through malloc, then glibc's malloc_stats() prints one "Arena N:" block
# per arena on stderr.
ARENAS_AFTER_A_THREAD = """
import ctypes, sys, threading
from careertui.allocator import use_one_malloc_arena
if sys.argv[1] == "one":
    assert use_one_malloc_arena()
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = (ctypes.c_void_p,)
def allocate():
    libc.free(libc.malloc(1000))
thread = threading.Thread(target=allocate)
thread.start()
thread.join()
libc.malloc_stats()
"""

glibc_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="mallopt is glibc's, on Linux")


def _arenas(setting: str) -> int:
    done = subprocess.run([sys.executable, "-c", ARENAS_AFTER_A_THREAD, setting],
                          capture_output=True, text=True, check=True)
    return sum(1 for line in done.stderr.splitlines() if line.startswith("Arena "))


@glibc_only
def test_a_thread_allocates_from_the_main_arena() -> None:
    assert _arenas("default") == 2  # the check itself: glibc gives the thread its own
    assert _arenas("one") == 1


@glibc_only
def test_the_setting_is_made_once_a_process() -> None:
    assert use_one_malloc_arena() is True
    assert use_one_malloc_arena() is True
    assert use_one_malloc_arena.cache_info().misses <= 1


def test_elsewhere_than_linux_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert use_one_malloc_arena.__wrapped__() is False
