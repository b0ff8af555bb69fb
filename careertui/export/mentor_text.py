"""The report's "Self and mentor" part of the Assessment section: your levels beside your
mentor's, the largest disagreements first."""

from __future__ import annotations

from careertui.export.markdown_text import CELL, escape, table
from careertui.model.mentor import disagreements
from careertui.model.plan import Assessment


def mentor_text(snapshot: Assessment) -> str:
    """The subsection's body; says how to get a mentor's view when there is none."""
    found = disagreements(snapshot)
    if not found:
        return ("_No mentor view yet: `careertui mentor-sheet` writes a sheet for your mentor, "
                "`careertui mentor-import FILE` reads it back._")
    view = snapshot.mentor_view
    rows = [[escape(d.name, CELL), "not rated" if d.yours is None else f"{d.yours:.1f}",
             f"{d.mentor:.1f}", f"{d.mentor - (d.yours or 0.0):+.1f}", escape(d.comment, CELL)]
            for d in found]
    return "\n".join([f"Rated by {escape(view.mentor)} on {view.rated_on}, the largest "
                      "disagreement first.", "",
                      table(["Skill", "You", "Mentor", "Mentor − you", "Comment"], rows,
                            right=(1, 2, 3))])
