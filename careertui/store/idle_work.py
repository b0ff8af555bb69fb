"""What a plan store does between keypresses: ready the first save, write the history copy a
save left, so that the save itself is as quick as the others."""

from __future__ import annotations

from careertui.store.storage import AtomicJSONStorage


class IdleWork:
    """PlanStore's part for idle moments; a plan in memory has none of this work."""

    def _file_storage(self) -> AtomicJSONStorage | None:
        raise NotImplementedError

    def prepare_to_save(self) -> None:
        """Make the first save of a session as quick as the others (see the storage's)."""
        if (file := self._file_storage()) is not None:
            file.prepare_to_save()

    def defer_copies(self) -> None:
        """From now on a save takes the history copy it finds due and leaves writing it to
        keep_pending_copy, for a moment after the screen shows the change (the app's way)."""
        if (file := self._file_storage()) is not None:
            file.defer_copies = True

    @property
    def copy_pending(self) -> bool:
        """Whether keep_pending_copy has a copy to write, or a failure to report."""
        file = self._file_storage()
        return file is not None and file.copy_pending

    def keep_pending_copy(self) -> None:
        """Write the history copy the last save left; HistoryCopyError when it cannot."""
        if (file := self._file_storage()) is not None:
            file.keep_pending_copy()
