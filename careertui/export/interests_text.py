"""The report's "Interests and work values" part of the Assessment section: your RIASEC scores
and work values from the interest check, and how the target role fits them."""

from __future__ import annotations

from careertui.export.markdown_text import escape, table
from careertui.model.interests import ranked, scores
from careertui.model.plan import Assessment, Destination
from careertui.roles.library import RoleLibrary


def interests_text(snapshot: Assessment, destination: Destination,
                   library: RoleLibrary | None) -> str:
    """The subsection's body; says how to take the check when it is not taken yet."""
    check = snapshot.interest_check
    data = library.interests if library is not None else None
    if not check.answers or data is None:
        return ("_Interest check not taken yet (press i in step 1)._" if data is not None
                else "_The interest check needs the O\\*NET occupation data._")
    yours = scores(check)
    rows = [[escape(name), f"{score:.1f}"] for name, score in ranked(
        {t.id: yours[t.id] for t in data.types if t.id in yours}, data.names)]
    values = [escape(name) for name, _ in ranked(
        {v.id: yours[v.id] for v in data.values if v.id in yours}, data.names)]
    lines = [f"From the interest check of {check.taken_on}, on O\\*NET's 1-7 scales.", "",
             table(["Interest", "Score"], rows, right=(1,)), "",
             f"Work values, most important first: {', '.join(values) or 'not answered'}."]
    code = destination.target_role_code
    occupation = library.occupation(code) if library is not None and code else None
    if occupation is not None:
        words = data.fit_words(code, yours)
        lines += ["", f"Fit of {escape(occupation.title)}: {escape(words) or 'no O*NET scores'}."]
    return "\n".join(lines)
