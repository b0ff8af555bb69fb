"""What a session can take back and do again: each change's records before and after it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from careertui.model.changes import record_label
from careertui.model.plan import Action, Plan

# How many changes ctrl+z can take back.
UNDO_LIMIT = 50


@dataclass(frozen=True)
class Change:
    """One change as the person made it: the records it touched as (before, after), None for a
    record that did not exist then; or, for an import, the whole plan before and after."""

    label: str  # "deleted the goal “Lead the planning”"
    records: tuple[tuple[object | None, object | None], ...] = ()
    plans: tuple[Plan, Plan] | None = None
    typed: bool = False  # text saved after a pause in typing: one burst is one change

    def inverse(self) -> Change:
        """The change that takes this one back."""
        plans = None if self.plans is None else (self.plans[1], self.plans[0])
        return replace(self, records=tuple((after, before) for before, after in self.records),
                       plans=plans)

    def touches_only(self, record: object | None) -> bool:
        """True when the change is to `record` alone (matched by kind and id)."""
        return len(self.records) == 1 and _same(_either(self.records[0]), record)


def save_change(pairs: list[tuple[object | None, object]], typed: bool = False) -> Change:
    """The change of saving each `after` over its `before` (None: a new record)."""
    return Change(described(pairs), tuple(pairs), typed=typed)


def delete_change(records: list[object]) -> Change:
    """The change of deleting `records` (a goal and its items: one change)."""
    pairs = tuple((record, None) for record in records)
    return Change(described(pairs), pairs)


def described(pairs: Sequence[tuple[object | None, object | None]]) -> str:
    """A change in words: "ticked the action item “…”" when an item became done (a repeating
    item's tick saves two records), "unticked …" when one stopped being done, else "added",
    "changed" or "deleted" the first record, "and N more"."""
    for verb, became in (("ticked", lambda b, a: _done(a) and not _done(b)),
                         ("unticked", lambda b, a: _done(b) and not _done(a))):
        record = next((_either(pair) for pair in pairs if became(*pair)), None)
        if record is not None and any(after is not None for _, after in pairs):
            return f"{verb} {record_label(record)}"
    before, after = pairs[0]
    verb = "added" if before is None else "deleted" if after is None else "changed"
    more = f" and {len(pairs) - 1} more" if len(pairs) > 1 else ""
    return f"{verb} {record_label(_either(pairs[0]))}{more}"


def _done(record: object | None) -> bool:
    return isinstance(record, Action) and record.done


def import_change(before: Plan, after: Plan) -> Change:
    """The change of putting `after` in the place of the plan `before` (an import)."""
    return Change("the import of another plan", plans=(before, after))


def _either(pair: tuple[object | None, object | None]) -> object | None:
    return pair[1] if pair[1] is not None else pair[0]


def _same(one: object | None, other: object | None) -> bool:
    return (type(one) is type(other)
            and getattr(one, "id", None) == getattr(other, "id", None))


class UndoHistory:
    """The changes done (newest last) and those undone, ready to be done again."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []
        self.recorded = 0  # how many changes were ever recorded (for join_newest)

    def record(self, change: Change) -> None:
        """A new change: it can be undone, and what was undone can no longer be redone. Typing
        into one record, saved in pauses, stays one change until something else changes."""
        self._undone.clear()
        newest = self._done[-1] if self._done else None
        if (newest is not None and change.typed and newest.typed
                and newest.touches_only(_either(change.records[0]))
                and len(change.records) == 1):
            before = newest.records[0][0]
            self._done[-1] = replace(newest, records=((before, change.records[0][1]),))
            return
        self._done.append(change)
        self.recorded += 1
        del self._done[:-self._limit]

    def join_newest(self, count: int) -> None:
        """Make the newest `count` changes one (two writes the person made with one key), named
        after the first of them."""
        if count < 2:
            return
        pairs = tuple(pair for change in self._done[-count:] for pair in change.records)
        self._done[-count:] = [Change(described(pairs), pairs)]

    def to_undo(self) -> Change | None:
        return self._done[-1] if self._done else None

    def to_redo(self) -> Change | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        """The newest change was taken back."""
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        """The newest undone change was done again."""
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        """Forget everything (the plan was replaced by another program's version)."""
        self._done.clear()
        self._undone.clear()
