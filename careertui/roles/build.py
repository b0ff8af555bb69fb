"""Build onet.json.gz from O*NET text files: `python -m careertui.roles.build ONET_DIR [OUT]`."""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from careertui.roles.build_interests import build_interests
from careertui.roles.build_tables import read_table
from careertui.roles.library import DATA_PATH, closest_codes
from careertui.roles.search import search_form

NULL = "n/a"
HOT_TECHNOLOGIES = 5
MAIN_TASKS = 5
# An unrated occupation borrows the ratings of up to this many related rated occupations.
BORROWED_SOURCES = 3
# Common short forms O*NET's titles lack, each with a title O*NET has (hand-checked).
ABBREVIATIONS = {
    "SWE": "Software Engineer",
    "SDE": "Software Development Engineer",
    "SRE": "Site Reliability Engineer",
    "BA": "Business Analyst",
    "Sysadmin": "System Administrator",
}


def element_category(element_id: str, names: dict[str, str]) -> str:
    """The group an element belongs to, e.g. 2.B.3.e -> "Technical Skills".

    The group is the third level of the content model (2.A.1, 2.B.3, 2.C.3); knowledge areas
    with no sub-elements (2.C.6 Education and Training) are their own group. Basic skills are
    split into Content and Process, which need their parent's name to read well.
    """
    group = ".".join(element_id.split(".")[:3])
    if group.startswith("2.A."):
        return f"{names['2.A']}: {names[group]}"
    return names[group]


def build_elements(folder: Path, rated: dict[str, list[dict[str, str]]]) -> list[dict[str, str]]:
    """Skill and knowledge elements in content-model order; `rated` maps a domain to its rows."""
    model = read_table(folder, "Content Model Reference.txt")
    names = {row["Element ID"]: row["Element Name"] for row in model}
    domains = {row["Element ID"]: domain for domain, rows in rated.items() for row in rows}
    return [
        {
            "id": row["Element ID"],
            "name": row["Element Name"],
            "category": element_category(row["Element ID"], names),
            "domain": domains[row["Element ID"]],
            "description": row["Description"],
        }
        for row in model
        if row["Element ID"] in domains
    ]


RatingArrays = dict[str, dict[str, list[Any]]]


def build_ratings(rows: list[dict[str, str]], element_ids: list[str]) -> RatingArrays:
    """code -> {"importance": [...], "level": [...]} aligned to element_ids, with the indices
    of the levels O*NET marks "Not Relevant" ("not_relevant") and of the ratings it recommends
    to suppress for low precision ("low_precision"), each only when there are any."""
    values: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)
    flags: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        if row["Scale ID"] in ("IM", "LV"):
            key = (row["Scale ID"], row["Element ID"])
            code = row["O*NET-SOC Code"]
            values[code][key] = float(row["Data Value"])
            if row["Scale ID"] == "LV" and row["Not Relevant"] == "Y":
                flags[code]["not_relevant"].add(row["Element ID"])
            if row["Recommend Suppress"] == "Y":
                flags[code]["low_precision"].add(row["Element ID"])
    ratings: RatingArrays = {}
    for code, rated in values.items():
        missing = [e for e in element_ids for s in ("IM", "LV") if (s, e) not in rated]
        if missing:
            raise ValueError(f"{code} is rated but lacks {len(missing)} values, e.g. {missing[0]}")
        ratings[code] = {
            "importance": [rated["IM", e] for e in element_ids],
            "level": [rated["LV", e] for e in element_ids],
        }
        for flag, flagged in flags[code].items():
            ratings[code][flag] = [i for i, e in enumerate(element_ids) if e in flagged]
    return ratings


def build_education(folder: Path) -> dict[str, int]:
    """code -> the RL category most respondents chose; the lower category wins a tie."""
    shares: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for row in read_table(folder, "Education, Training, and Experience.txt"):
        if row["Scale ID"] == "RL" and row["Data Value"] != NULL:
            shares[row["O*NET-SOC Code"]].append((float(row["Data Value"]), int(row["Category"])))
    best = {code: min(pairs, key=lambda p: (-p[0], p[1])) for code, pairs in shares.items()}
    return {code: category for code, (share, category) in best.items() if share > 0}


def build_hot_technologies(folder: Path) -> dict[str, list[str]]:
    """code -> up to 5 hot technologies, in-demand ones first, then alphabetical."""
    hot: dict[str, dict[str, bool]] = defaultdict(dict)
    for row in read_table(folder, "Technology Skills.txt"):
        if row["Hot Technology"] == "Y":
            names = hot[row["O*NET-SOC Code"]]
            names[row["Example"]] = names.get(row["Example"], False) or row["In Demand"] == "Y"
    return {
        code: sorted(names, key=lambda n: (not names[n], n.casefold(), n))[:HOT_TECHNOLOGIES]
        for code, names in hot.items()
    }


def build_titles(folder: Path, official: dict[str, str]) -> dict[str, dict[str, str]]:
    """code -> {search form: title} of its other titles: alternate titles, their short forms,
    reported titles and the ABBREVIATIONS of a title it has; none repeats the official title."""
    titles: dict[str, dict[str, str]] = defaultdict(dict)

    def add(code: str, title: str) -> None:
        form = search_form(title)
        if form.strip() and form != search_form(official[code]):
            titles[code].setdefault(form, title)

    for row in read_table(folder, "Alternate Titles.txt"):
        add(row["O*NET-SOC Code"], row["Alternate Title"])
        if row["Short Title"] != NULL:
            add(row["O*NET-SOC Code"], row["Short Title"])
    for row in read_table(folder, "Sample of Reported Titles.txt"):
        add(row["O*NET-SOC Code"], row["Reported Job Title"])
    expansions = {search_form(title): short for short, title in ABBREVIATIONS.items()}
    for code, forms in sorted(titles.items()):
        for form in [f for f in forms if f in expansions]:
            add(code, expansions[form])
    return titles


def search_lines(official: str, others: dict[str, str]) -> tuple[str, str]:
    """The other titles and the search forms of all titles, one a line: the official title
    first, then the others fewest words first (search stops at the first match's length)."""
    forms = sorted(others, key=lambda f: (f.count(" "), len(f), f))
    return ("\n".join(others[f] for f in forms),
            "\n".join([search_form(official), *forms]))


def build_tasks(folder: Path) -> dict[str, list[str]]:
    """code -> its first MAIN_TASKS core tasks, or first tasks where O*NET gives no task type."""
    tasks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in read_table(folder, "Task Statements.txt"):
        tasks[row["O*NET-SOC Code"]][row["Task Type"]].append(row["Task"])
    return {code: (kinds.get("Core") or kinds.get(NULL) or [])[:MAIN_TASKS]
            for code, kinds in tasks.items()}


def build_borrowed(folder: Path, codes: list[str], ratings: RatingArrays) -> RatingArrays:
    """code -> ratings for each unrated occupation, averaged from its sources: up to
    BORROWED_SOURCES rated occupations of its primary tier of Related Occupations, in their
    order, else the closest rated ones of its SOC family. A source's values are averaged as
    O*NET gives them (2 decimals); an element is no requirement when most sources mark it
    not relevant, and is low precision when any source's rating is."""
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in read_table(folder, "Related Occupations.txt"):
        other = row["Related O*NET-SOC Code"]
        if row["Relatedness Tier"].startswith("Primary") and other in ratings:
            related[row["O*NET-SOC Code"]].append((int(row["Index"]), other))
    borrowed: RatingArrays = {}
    for code in codes:
        if code in ratings:
            continue
        sources = ([c for _, c in sorted(related[code])][:BORROWED_SOURCES]
                   or closest_codes(codes, set(ratings), code, BORROWED_SOURCES))
        if sources:
            borrowed[code] = average_ratings([ratings[c] for c in sources])
            borrowed[code]["sources"] = sources
    return borrowed


def average_ratings(sources: list[dict[str, list[Any]]]) -> dict[str, list[Any]]:
    count = len(sources)
    average = {scale: [round(sum(values) / count, 2) for values in zip(
        *(s[scale] for s in sources), strict=True)] for scale in ("importance", "level")}
    not_relevant = [i for i in range(len(average["level"]))
                    if 2 * sum(i in s.get("not_relevant", ()) for s in sources) > count]
    low = sorted({i for s in sources for i in s.get("low_precision", ())} - set(not_relevant))
    return {**average, **({"not_relevant": not_relevant} if not_relevant else {}),
            **({"low_precision": low} if low else {})}


def build_vocabulary(occupations: list[dict[str, Any]]) -> str:
    """Every search word of the titles and descriptions, sorted, for spotting typos."""
    words = {w for o in occupations for text in (o["search"], search_form(o["description"]))
             for w in text.split()}
    return " ".join(sorted(words))


def build_occupations(folder: Path, ratings: RatingArrays) -> list[dict[str, Any]]:
    """Every occupation of Occupation Data, with what is known about it."""
    zones = {row["O*NET-SOC Code"]: int(row["Job Zone"])
             for row in read_table(folder, "Job Zones.txt") if row["Job Zone"] != NULL}
    education = build_education(folder)
    technologies = build_hot_technologies(folder)
    data = read_table(folder, "Occupation Data.txt")
    titles = build_titles(folder, {row["O*NET-SOC Code"]: row["Title"] for row in data})
    tasks = build_tasks(folder)
    borrowed = build_borrowed(folder, sorted(row["O*NET-SOC Code"] for row in data), ratings)
    occupations = []
    for row in data:
        code = row["O*NET-SOC Code"]
        others, forms = search_lines(row["Title"], titles.get(code, {}))
        occupations.append({
            "code": code,
            "title": row["Title"],
            "description": row["Description"],
            "job_zone": zones.get(code),
            "education_level": education.get(code),
            "hot_technologies": technologies.get(code, []),
            "titles": others,
            "search": forms,
            "tasks": tasks.get(code, []),
            **ratings.get(code, {}),
            **({"borrowed": borrowed[code]} if code in borrowed else {}),
        })
    return occupations


def build_anchors(folder: Path, element_ids: list[str]) -> dict[str, list[list[Any]]]:
    """element id -> [[anchor value, description], ...] of the level (LV) scale."""
    wanted = set(element_ids)
    anchors: dict[str, list[list[Any]]] = defaultdict(list)
    for row in read_table(folder, "Level Scale Anchors.txt"):
        if row["Scale ID"] == "LV" and row["Element ID"] in wanted:
            anchors[row["Element ID"]].append([int(row["Anchor Value"]), row["Anchor Description"]])
    return dict(anchors)


def build_education_levels(folder: Path) -> list[dict[str, Any]]:
    """The RL categories, each with its full text and a short label (the text before " - ")."""
    return [
        {
            "category": int(row["Category"]),
            "label": row["Category Description"].split(" - ")[0].strip(),
            "description": row["Category Description"],
        }
        for row in read_table(folder, "Education, Training, and Experience Categories.txt")
        if row["Scale ID"] == "RL"
    ]


def short_zone_name(name: str) -> str:
    """Job Zone Four: Considerable Preparation Needed -> Considerable preparation."""
    short = name.split(": ", 1)[-1].removesuffix(" Needed")
    return short[:1].upper() + short[1:].lower()


def build_job_zones(folder: Path) -> list[dict[str, Any]]:
    return [
        {
            "zone": int(row["Job Zone"]),
            "name": row["Name"],
            "short": short_zone_name(row["Name"]),
            "education": row["Education"],
        }
        for row in read_table(folder, "Job Zone Reference.txt")
    ]


def build_source(folder: Path) -> dict[str, str]:
    """The release name (Read Me.txt) and SOURCE.md's attribution paragraph as plain text."""
    release = (folder / "Read Me.txt").read_text(encoding="utf-8").splitlines()[0]
    text = (folder / "SOURCE.md").read_text(encoding="utf-8")
    section = text.split("## Attribution", 1)[1].split("\n## ", 1)[0]
    paragraph = section.strip().split("\n\n")[1]  # [0] is the heading's remainder
    return {
        "release": release.removesuffix(" Database").strip(),
        "attribution": " ".join(paragraph.split()).replace("\\", ""),
    }


def build_payload(folder: Path) -> dict[str, Any]:
    """Everything the library holds, as plain JSON-ready data."""
    rated = {"skill": read_table(folder, "Skills.txt"),
             "knowledge": read_table(folder, "Knowledge.txt")}
    elements = build_elements(folder, rated)
    element_ids = [e["id"] for e in elements]
    ratings = build_ratings(rated["skill"] + rated["knowledge"], element_ids)
    occupations = build_occupations(folder, ratings)
    return {
        "elements": elements,
        "anchors": build_anchors(folder, element_ids),
        "occupations": occupations,
        "vocabulary": build_vocabulary(occupations),
        "education_levels": build_education_levels(folder),
        "job_zones": build_job_zones(folder),
        "source": build_source(folder),
        "interests": build_interests(folder),
    }


def build(folder: Path, out: Path = DATA_PATH) -> Path:
    """Write the gzip JSON library; the same input always gives the same bytes."""
    data = json.dumps(build_payload(Path(folder)), sort_keys=True, separators=(",", ":"))
    Path(out).write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
    return Path(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m careertui.roles.build", description=__doc__)
    parser.add_argument("onet_dir", type=Path,
                        help="folder of the O*NET text tables (.txt or .txt.gz), e.g. "
                             "tests/data/onet-29.3")
    parser.add_argument("out", type=Path, nargs="?", default=DATA_PATH, help="output .json.gz")
    args = parser.parse_args(argv)
    out = build(args.onet_dir, args.out)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
