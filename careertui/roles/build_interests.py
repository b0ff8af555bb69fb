"""The library's interest and work-value data, built from O*NET's Interests, Interests
Illustrative Activities and Work Values tables and the Content Model Reference."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from careertui.roles.build_tables import read_table

INTEREST_TYPES = ("1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f")  # RIASEC
WORK_VALUES = ("1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f")


def _scores(rows: list[dict[str, str]], scale: str, ids: tuple[str, ...]) -> dict[str, list[float]]:
    """code -> its score on each of `ids` (in that order), for the codes that have them all."""
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for row in rows:
        if row["Scale ID"] == scale and row["Element ID"] in ids:
            found[row["O*NET-SOC Code"]][row["Element ID"]] = float(row["Data Value"])
    return {code: [scores[i] for i in ids] for code, scores in sorted(found.items())
            if len(scores) == len(ids)}


def build_interests(folder: Path) -> dict[str, Any]:
    """The six RIASEC interest types and six work values (id, name, O*NET's description
    without its list of corresponding needs), the General illustrative activities of each type,
    and each occupation's interest (OI, 1-7) and work-value (EX, 1-7) scores."""
    model = {row["Element ID"]: row for row in read_table(folder, "Content Model Reference.txt")}

    def described(element_id: str) -> dict[str, str]:
        row = model[element_id]
        description = row["Description"].split(" Corresponding needs are ")[0]
        return {"id": element_id, "name": row["Element Name"], "description": description}

    activities = [{"type": row["Element ID"], "activity": row["Activity"]}
                  for row in read_table(folder, "Interests Illustrative Activities.txt")
                  if row["Interest Type"] == "General" and row["Element ID"] in INTEREST_TYPES]
    return {
        "types": [described(element_id) for element_id in INTEREST_TYPES],
        "values": [described(element_id) for element_id in WORK_VALUES],
        "activities": activities,
        "interest_scores": _scores(read_table(folder, "Interests.txt"), "OI", INTEREST_TYPES),
        "value_scores": _scores(read_table(folder, "Work Values.txt"), "EX", WORK_VALUES),
    }
