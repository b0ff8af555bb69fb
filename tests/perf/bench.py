"""`make bench`: first paint, ticks, step switches, first visits and memory, on the demo plan
and on a stress plan (5,000 action items), against a bare Textual app measured in the same run.

Prints a table with each target met or missed and writes every figure and raw sample as JSON
(--json; by default bench-results.json at the repository root). Each figure is measured in
fresh processes, on plan files in a temporary folder:

- first paint (first_paint.py): from spawning `python -m careertui --db PLAN` on a new 120x36
  pseudo-terminal until the overview's body (its status line) is on the emulated screen; the
  bare Textual app (Header, Static, Footer) is started the same way, interleaved; the ratio of
  the medians, with the range of the ratios of the runs taken side by side;
- tick: space on an action item in step 5 until the change is durable on disk and a frame is
  painted; p50 and p95 of all ticks (interact.py); and of ticks that each also keep a copy of
  the whole plan in the recent history, as a tick a minute or more after the last copy does;
- step switch: a digit key until the step has read the plan and its screen is painted, for
  every ordered pair of steps; median and p95 of all switches, and each pair's median;
- first visit: the first time each step is opened, in a process started as the CLI starts it
  (the steps built ahead once the overview is painted; how long that takes is shown), and, for
  comparison, in one that builds each step only when it is first opened;
- peak memory: the largest resident set (VmHWM) of the app at its first paint, and of the
  processes that visited every step, ticked and deleted a goal on each plan;
- stepping stones: scoring all of the library's rated occupations against the demo plan's
  ratings, and the path search to its target (in this process, medians of 15 runs).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from careertui.demo import demo_plan
from careertui.model.plan import Plan
from careertui.store.plan_store import PlanStore
from tests.perf.bare_app import TEXT as BARE_TEXT
from tests.perf.first_paint import FirstPaint, first_paint
from tests.perf.stepping_speed import stepping_figures
from tests.perf.stress import stress_plan

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_JSON = ROOT / "bench-results.json"

# (plan, figure) -> (limit, unit): met when the figure is below the limit (at most, for "x").
TARGETS = {
    ("demo", "first_paint_ratio"): (1.3, "x"),
    ("stress", "first_paint_ratio"): (1.6, "x"),
    ("stress", "tick_p95_ms"): (30, "ms"),
    ("stress", "switch_median_ms"): (100, "ms"),
    ("stress", "switch_p95_ms"): (150, "ms"),
    ("stress", "first_visit_slowest_ms"): (250, "ms"),
    ("stress", "peak_mb"): (120, "MB"),
    ("roles", "score_all_ms"): (100, "ms"),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH",
                        help=f"where to write the figures (default: {DEFAULT_JSON.name} at "
                             "the repository root)")
    parser.add_argument("--runs", type=int, default=7,
                        help="first paints per app, medians taken (default: 7)")
    parser.add_argument("--interact-runs", type=int, default=3,
                        help="processes per plan for ticks and switches (default: 3)")
    parser.add_argument("--ticks", type=int, default=50, help="ticks per process (default: 50)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of every ordered pair of steps per process (default: 2)")
    parser.add_argument("--actions", type=int, default=5000,
                        help="action items in the stress plan (default: 5000)")
    return parser.parse_args(argv)


# First paint ----------------------------------------------------------------------------

def first_paints(plans: dict[str, Path], needles: dict[str, str], runs: int) -> dict[str, dict]:
    """Median first paint of each plan's app and of the bare app, launched interleaved."""
    commands = {"bare": ([sys.executable, str(HERE / "bare_app.py")], BARE_TEXT)}
    for name, path in plans.items():
        commands[name] = ([sys.executable, "-m", "careertui", "--db", str(path)], needles[name])
    for argv, needle in commands.values():  # warm the disk cache and the bytecode caches
        first_paint(argv, needle, ROOT)
    samples: dict[str, list[FirstPaint]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, needle) in commands.items():
            samples[name].append(first_paint(argv, needle, ROOT))
    return {name: {"seconds": [run.seconds for run in runs_],
                   "peak_kb": max(run.peak_kb for run in runs_)}
            for name, runs_ in samples.items()}


# Ticks, switches, first visits, goal delete ---------------------------------------------

def interactions(path: Path, args: argparse.Namespace, folder: Path) -> dict:
    """Ticks, step switches and a goal delete, each process on a fresh copy of the plan."""
    merged: dict = {"first_visit": {}, "switch": {}, "tick": [], "tick_copying": [],
                    "goal_delete": [], "peak_kb": 0}
    for run in range(args.interact_runs):
        copy = folder / f"run-{run}-{path.name}"
        shutil.copyfile(path, copy)
        result = folder / "interact.json"
        subprocess.run([sys.executable, "-m", "tests.perf.interact", str(copy), str(result),
                        "--ticks", str(args.ticks), "--rounds", str(args.rounds)],
                       check=True, cwd=ROOT)
        figures = json.loads(result.read_text())
        for kind in ("first_visit", "switch"):
            for name, seconds in figures[kind].items():
                merged[kind].setdefault(name, []).extend(
                    seconds if isinstance(seconds, list) else [seconds])
        merged["tick"] += figures["tick"]
        merged["tick_copying"] += figures["tick_copying"]
        merged["goal_delete"].append(figures["goal_delete"])
        merged["peak_kb"] = max(merged["peak_kb"], figures["peak_kb"])
        subprocess.run([sys.executable, "-m", "tests.perf.interact", str(copy), str(result),
                        "--built-ahead"], check=True, cwd=ROOT)
        figures = json.loads(result.read_text())
        merged.setdefault("built_ahead", []).append(figures["built_ahead"])
        for name, seconds in figures["first_visit"].items():
            merged.setdefault("first_visit_built", {}).setdefault(name, []).append(seconds)
        merged["peak_kb"] = max(merged["peak_kb"], figures["peak_kb"])
    return merged


def bare_switches(args: argparse.Namespace, folder: Path) -> list[float]:
    """Switches between two bare Textual screens, timed the same way: Textual's own share."""
    seconds: list[float] = []
    result = folder / "bare.json"
    for _ in range(args.interact_runs):
        subprocess.run([sys.executable, "-m", "tests.perf.interact", "bare", str(result),
                        "--rounds", str(args.rounds)], check=True, cwd=ROOT)
        seconds += json.loads(result.read_text())["switch"]["bare"]
    return seconds


# Figures and the table -----------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values) * 1000, "p95": percentile(values, 0.95) * 1000,
            "max": max(values) * 1000}


def summarise(paints: dict[str, dict], plans: dict[str, dict],
              bare_switch: list[float]) -> dict[str, dict]:
    bare_seconds = paints["bare"]["seconds"]
    bare = statistics.median(bare_seconds)
    figures: dict[str, dict] = {"bare": {
        "first_paint_ms": bare * 1000,
        "first_paint_peak_mb": paints["bare"]["peak_kb"] / 1024,
        "switch_ms": _ms(bare_switch),
    }}
    for name, measured in plans.items():
        seconds = paints[name]["seconds"]
        side_by_side = [mine / theirs for mine, theirs in zip(seconds, bare_seconds, strict=True)]
        switches = [s for pair in measured["switch"].values() for s in pair]
        cold = {mode: statistics.median(s) * 1000 for mode, s in measured["first_visit"].items()}
        visits = {mode: statistics.median(s) * 1000
                  for mode, s in measured["first_visit_built"].items()}
        figures[name] = {
            "first_paint_ms": statistics.median(seconds) * 1000,
            "first_paint_ratio": statistics.median(seconds) / bare,
            "first_paint_ratio_range": [min(side_by_side), max(side_by_side)],
            "first_paint_peak_mb": paints[name]["peak_kb"] / 1024,
            "tick_p50_ms": percentile(measured["tick"], 0.5) * 1000,
            "tick_p95_ms": percentile(measured["tick"], 0.95) * 1000,
            "tick_copying_p50_ms": percentile(measured["tick_copying"], 0.5) * 1000,
            "tick_copying_p95_ms": percentile(measured["tick_copying"], 0.95) * 1000,
            "switch_median_ms": statistics.median(switches) * 1000,
            "switch_p95_ms": percentile(switches, 0.95) * 1000,
            "switch_pairs_ms": {pair: _ms(s) for pair, s in measured["switch"].items()},
            "first_visit_ms": visits,
            "first_visit_slowest_ms": max(visits.values()),
            "first_visit_unbuilt_ms": cold,
            "built_ahead_ms": statistics.median(measured["built_ahead"]) * 1000,
            "goal_delete_ms": statistics.median(d["seconds"] for d in measured["goal_delete"])
            * 1000,
            "goal_delete_items": measured["goal_delete"][0]["items"],
            "goal_delete_writes": measured["goal_delete"][0]["writes"],
            "peak_mb": measured["peak_kb"] / 1024,
        }
    return figures


def verdict(plan: str, key: str, value: float) -> str:
    if (plan, key) not in TARGETS:
        return ""
    limit, unit = TARGETS[plan, key]
    if unit == "x":
        return f"{'met' if value <= limit else 'MISSED'} (<= {limit:g}x)"
    return f"{'met' if value < limit else 'MISSED'} (< {limit:g} {unit})"


def table(figures: dict[str, dict]) -> str:
    bare = figures["bare"]
    rows: list[tuple[str, str, str, str]] = [
        ("bare", "first paint, bare Textual app", f"{bare['first_paint_ms']:.0f} ms", ""),
        ("bare", "switch between two bare screens, median / p95",
         f"{bare['switch_ms']['median']:.0f} / {bare['switch_ms']['p95']:.0f} ms", ""),
    ]
    for name in (plan for plan in figures if plan not in ("bare", "roles")):
        f = figures[name]
        low, high = f["first_paint_ratio_range"]

        def row(label: str, shown: str, key: str = "", plan: str = name,
                f: dict = f) -> None:
            rows.append((plan, label, shown, verdict(plan, key, f[key]) if key else ""))

        row("first paint", f"{f['first_paint_ms']:.0f} ms")
        row(f"first paint / bare (runs {low:.2f}-{high:.2f})", f"{f['first_paint_ratio']:.2f} x",
            "first_paint_ratio")
        row("tick p50", f"{f['tick_p50_ms']:.0f} ms")
        row("tick p95", f"{f['tick_p95_ms']:.0f} ms", "tick_p95_ms")
        row("tick with a history copy due (once a minute at most): p50",
            f"{f['tick_copying_p50_ms']:.0f} ms")
        row("tick with a history copy due: p95", f"{f['tick_copying_p95_ms']:.0f} ms")
        row("switch, every pair of steps: median", f"{f['switch_median_ms']:.0f} ms",
            "switch_median_ms")
        row("switch, every pair of steps: p95", f"{f['switch_p95_ms']:.0f} ms", "switch_p95_ms")
        slowest = max(f["switch_pairs_ms"].items(), key=lambda item: item[1]["median"])
        row(f"switch, slowest pair ({slowest[0]}): median", f"{slowest[1]['median']:.0f} ms")
        row("steps built ahead, after the overview is painted", f"{f['built_ahead_ms']:.0f} ms")
        for mode, ms in f["first_visit_ms"].items():
            unbuilt = f["first_visit_unbuilt_ms"][mode]
            row(f"first visit to {mode} (not built ahead: {unbuilt:.0f} ms)", f"{ms:.0f} ms")
        row("first visit, slowest step", f"{f['first_visit_slowest_ms']:.0f} ms",
            "first_visit_slowest_ms")
        row(f"goal delete ({f['goal_delete_items']} items, {f['goal_delete_writes']} writes)",
            f"{f['goal_delete_ms']:.0f} ms")
        row("peak memory at first paint", f"{f['first_paint_peak_mb']:.0f} MB")
        row("peak memory, all steps visited, ticks, goal delete", f"{f['peak_mb']:.0f} MB",
            "peak_mb")
    stones = figures["roles"]
    rows += [
        ("roles", f"stepping stones: prepare the {stones['occupations']} rated occupations (once)",
         f"{stones['prepare_ms']:.0f} ms", ""),
        ("roles", "stepping stones: score them all, the closest 5 (demo)",
         f"{stones['score_all_ms']:.0f} ms",
         verdict("roles", "score_all_ms", stones["score_all_ms"])),
        ("roles", "stepping stones: paths to the target (demo)", f"{stones['paths_ms']:.0f} ms",
         ""),
    ]
    lines = [f"{'plan':<7}{'figure':<52}{'value':>10}  target"]
    lines += [f"{plan:<7}{label:<52}{shown:>10}  {mark}" for plan, label, shown, mark in rows]
    return "\n".join(lines)


def write_plan(path: Path, plan: Plan) -> None:
    store = PlanStore.open(path)
    try:
        store.replace_plan(plan)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    today = date.today()
    built = {"demo": demo_plan(today), "stress": stress_plan(today, actions=args.actions)}
    with tempfile.TemporaryDirectory(prefix="careertui-bench-") as name:
        folder = Path(name)
        paths = {}
        for plan_name, plan in built.items():
            paths[plan_name] = folder / f"{plan_name}.json"
            write_plan(paths[plan_name], plan)
        # The overview's status line: its body is drawn in the same call as the rest of it.
        needles = {plan_name: f"Done {sum(a.done for a in plan.actions)} of "
                              f"{len(plan.actions)} action items"
                   for plan_name, plan in built.items()}
        print(f"First paints: {args.runs} runs each of bare, demo, stress ...", flush=True)
        paints = first_paints(paths, needles, args.runs)
        measured = {}
        for plan_name, path in paths.items():
            print(f"Ticks, step switches and a goal delete on {plan_name} ...", flush=True)
            measured[plan_name] = interactions(path, args, folder)
        print("Switches between two bare Textual screens ...", flush=True)
        bare_switch = bare_switches(args, folder)
    figures = summarise(paints, measured, bare_switch)
    print("Stepping stones on the demo plan's ratings ...", flush=True)
    figures["roles"] = stepping_figures(built["demo"])
    print(table(figures))
    raw = {"first_paint_seconds": {n: p["seconds"] for n, p in paints.items()},
           "ticks_seconds": {n: m["tick"] for n, m in measured.items()},
           "switch_seconds": {"bare": bare_switch, **{n: m["switch"] for n, m in measured.items()}}}
    args.json.write_text(json.dumps({"date": today.isoformat(), "figures": figures,
                                     "targets_met": _targets_met(figures), "raw": raw},
                                    indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Figures written to {args.json}")
    return 0


def _targets_met(figures: dict[str, dict]) -> dict[str, bool]:
    return {f"{plan}.{key}": verdict(plan, key, figures[plan][key]).startswith("met")
            for plan, key in TARGETS}


if __name__ == "__main__":
    sys.exit(main())
