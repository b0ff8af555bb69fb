"""`careertui --print-completion SHELL`: a tab-completion script made from the parser."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

SHELLS = ("bash", "zsh", "fish")
# The parser's names for an argument that is a file: those complete to paths.
PATH_METAVARS = frozenset({"FILE", "PATH"})


class PrintCompletion(argparse.Action):
    """Print the completion script for the shell given and exit, as --version does."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, choices=SHELLS, metavar="SHELL", **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(completion_script(parser, values), end="")
        parser.exit()


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    # Imported only here: shtab reads package metadata on import, 50-100 ms of every start.
    import shtab

    for action in _all_actions(parser):
        if action.metavar in PATH_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]  # shtab's own hook
    return shtab.complete(parser, shell=shell)


def _all_actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield from _all_actions(subparser)
