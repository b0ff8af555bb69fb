"""`make bench`: cold start, ticks, step switches and memory on the demo and a stress plan.

Prints a table marking each target met or missed and writes every figure and raw sample as
JSON (--json; by default bench-results.json at the repository root). Each figure is measured
in fresh processes, on plan files in a temporary folder:

- cold start: the wall time from spawning a process on a new 120x36 pseudo-terminal until it
  has exited, once it drew its first screen fully (coldstart.py says what that means), for
  careertui and for a bare Textual app (Header, Static, Footer) in turn; median of --runs;
- tick: space on an action item in step 5 until the plan file is replaced (fsynced) and the
  screen repainted; p50 and p95 of all ticks (interact.py);
- step switch: a digit key until the step has read the plan and its screen is painted,
  median and slowest per step; the slowest is the first visit, which builds the screen;
- peak memory: the largest resident set (ru_maxrss) of the processes that ran each plan.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
from datetime import date
from pathlib import Path
from time import perf_counter

from careertui.demo import demo_plan
from careertui.model.plan import Plan
from careertui.store.plan_store import PlanStore
from tests.perf.stress import stress_plan

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_JSON = ROOT / "bench-results.json"
COLUMNS, LINES = 120, 36
LAUNCH_TIMEOUT = 120
_ANSI = re.compile(r"\x1b(\[[0-9;?<=>$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|.)")


# (plan, figure) -> (limit, unit): met when the figure is at most the limit.
TARGETS = {
    ("demo", "cold_start_ratio"): (1.3, "x"),
    ("stress", "cold_start_ratio"): (1.6, "x"),
    ("stress", "tick_p95_ms"): (30, "ms"),
    ("stress", "switch_slowest_median_ms"): (100, "ms"),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH",
                        help=f"where to write the figures (default: {DEFAULT_JSON.name} at "
                             "the repository root)")
    parser.add_argument("--runs", type=int, default=7,
                        help="cold starts per app, medians taken (default: 7)")
    parser.add_argument("--interact-runs", type=int, default=3,
                        help="processes per plan for ticks and switches (default: 3)")
    parser.add_argument("--ticks", type=int, default=50, help="ticks per process (default: 50)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of 1-5,0 per process (default: 3)")
    parser.add_argument("--actions", type=int, default=5000,
                        help="action items in the stress plan (default: 5000)")
    return parser.parse_args(argv)


# Cold start -----------------------------------------------------------------------------

def launch_in_terminal(argv: list[str], needle: str, result: Path) -> tuple[float, int]:
    """Run `argv` on a fresh pseudo-terminal until it exits: (seconds, peak memory in KiB).

    The clock runs from just before the process is spawned until it has exited; the terminal
    output is read all along (as a terminal would) and must show `needle`.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    env["TERM"] = "xterm-256color"
    start = perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=ROOT, start_new_session=True)
    os.close(slave)
    output = bytearray()
    try:
        while True:
            ready, _, _ = select.select([master], [], [], LAUNCH_TIMEOUT)
            if not ready:
                process.kill()
                raise RuntimeError(f"{argv} did not finish in {LAUNCH_TIMEOUT} s")
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: every copy of the terminal's other end is closed
                break
            if not chunk:
                break
            output += chunk
        code = process.wait()
        seconds = perf_counter() - start
    finally:
        os.close(master)
    text = _ANSI.sub("", output.decode("utf-8", "replace"))
    if code != 0 or needle not in text:
        raise RuntimeError(f"{argv} exited with {code}; {needle!r} drawn: {needle in text}\n"
                           f"{text[-2000:]}")
    return seconds, json.loads(result.read_text())["peak_kb"]


def cold_starts(plans: dict[str, Path], needles: dict[str, str], runs: int,
                folder: Path) -> dict[str, dict]:
    """Median cold start of each plan's app and of the bare app, launched in turn."""
    runner = [sys.executable, str(HERE / "coldstart.py")]
    result = folder / "coldstart.json"
    commands = {"bare": [*runner, "bare", str(result), "Hello from a bare Textual app"]}
    for name, path in plans.items():
        commands[name] = [*runner, "careertui", str(result), needles[name], "--db", str(path)]
    for argv in commands.values():  # warm the disk cache and the bytecode caches
        launch_in_terminal(argv, argv[4], result)
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(launch_in_terminal(argv, argv[4], result))
    return {name: {"seconds": [s for s, _ in runs_], "peak_kb": max(kb for _, kb in runs_)}
            for name, runs_ in samples.items()}


# Ticks, switches, goal delete ----------------------------------------------------------

def interactions(path: Path, args: argparse.Namespace, folder: Path) -> dict:
    """Ticks, step switches and a goal delete, each process on a fresh copy of the plan."""
    merged: dict = {"switch": {}, "tick": [], "goal_delete": [], "peak_kb": 0}
    for run in range(args.interact_runs):
        copy = folder / f"run-{run}-{path.name}"
        shutil.copyfile(path, copy)
        result = folder / "interact.json"
        subprocess.run([sys.executable, str(HERE / "interact.py"), str(copy), str(result),
                        "--ticks", str(args.ticks), "--rounds", str(args.rounds)],
                       check=True, cwd=ROOT)
        figures = json.loads(result.read_text())
        for mode, seconds in figures["switch"].items():
            merged["switch"].setdefault(mode, []).extend(seconds)
        merged["tick"] += figures["tick"]
        merged["goal_delete"].append(figures["goal_delete"])
        merged["peak_kb"] = max(merged["peak_kb"], figures["peak_kb"])
    return merged


def bare_switches(args: argparse.Namespace, folder: Path) -> list[float]:
    """Switches between two bare Textual screens, timed the same way: Textual's own share."""
    seconds: list[float] = []
    result = folder / "bare.json"
    for _ in range(args.interact_runs):
        subprocess.run([sys.executable, str(HERE / "interact.py"), "bare", str(result),
                        "--rounds", str(args.rounds)], check=True, cwd=ROOT)
        seconds += json.loads(result.read_text())["switch"]["bare"]
    return seconds


# Figures and the table -----------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summarise(starts: dict[str, dict], plans: dict[str, dict],
              bare_switch: list[float]) -> dict[str, dict]:
    bare = statistics.median(starts["bare"]["seconds"])
    figures: dict[str, dict] = {"bare": {
        "cold_start_ms": bare * 1000,
        "cold_start_peak_mb": starts["bare"]["peak_kb"] / 1024,
        "switch_ms": {"median": statistics.median(bare_switch) * 1000,
                      "max": max(bare_switch) * 1000},
    }}
    for name, measured in plans.items():
        cold = statistics.median(starts[name]["seconds"])
        switch = measured["switch"]
        all_switches = [s for seconds in switch.values() for s in seconds]
        figures[name] = {
            "cold_start_ms": cold * 1000,
            "cold_start_ratio": cold / bare,
            "cold_start_peak_mb": starts[name]["peak_kb"] / 1024,
            "tick_p50_ms": percentile(measured["tick"], 0.5) * 1000,
            "tick_p95_ms": percentile(measured["tick"], 0.95) * 1000,
            "switch_slowest_median_ms": max(statistics.median(s) for s in switch.values()) * 1000,
            "switch_max_ms": max(all_switches) * 1000,
            "switch_ms": {mode: {"median": statistics.median(s) * 1000, "max": max(s) * 1000}
                          for mode, s in switch.items()},
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
    mark = "met" if value <= limit else "MISSED"
    return f"{mark} (<= {limit:g}x)" if unit == "x" else f"{mark} (< {limit:g} {unit})"


def table(figures: dict[str, dict]) -> str:
    bare = figures["bare"]
    rows = [("bare", "cold start, bare Textual app", "ms", bare["cold_start_ms"], ""),
            ("bare", "switch between two bare screens (median / max)", "ms",
             bare["switch_ms"], "")]
    for name in (plan for plan in figures if plan != "bare"):
        f = figures[name]
        rows += [
            (name, "cold start", "ms", f["cold_start_ms"], ""),
            (name, "cold start / bare", "x", f["cold_start_ratio"], "cold_start_ratio"),
            (name, "tick p50", "ms", f["tick_p50_ms"], ""),
            (name, "tick p95", "ms", f["tick_p95_ms"], "tick_p95_ms"),
            *[(name, f"switch to {mode} (median / max)", "ms", s, "")
              for mode, s in f["switch_ms"].items()],
            (name, "step switch, slowest step (median)", "ms", f["switch_slowest_median_ms"],
             "switch_slowest_median_ms"),
            (name, "step switch, slowest of all (a first visit)", "ms", f["switch_max_ms"], ""),
            (name, f"goal delete ({f['goal_delete_items']} items, "
                   f"{f['goal_delete_writes']} file writes)", "ms", f["goal_delete_ms"], ""),
            (name, "peak memory (cold start / interactions)", "MB",
             (f["cold_start_peak_mb"], f["peak_mb"]), ""),
        ]
    lines = [f"{'plan':<7}{'figure':<50}{'value':>16}  target"]
    for plan, label, unit, value, key in rows:
        if isinstance(value, dict):
            shown = f"{value['median']:.0f} / {value['max']:.0f} {unit}"
        elif isinstance(value, tuple):
            shown = f"{value[0]:.0f} / {value[1]:.0f} {unit}"
        else:
            shown = f"{value:.2f} {unit}" if unit == "x" else f"{value:.0f} {unit}"
        lines.append(f"{plan:<7}{label:<50}{shown:>16}  {verdict(plan, key, value)}")
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
        # The overview's status line: written once the whole overview is filled in.
        needles = {plan_name: f"Done {sum(a.done for a in plan.actions)} of "
                              f"{len(plan.actions)} action items"
                   for plan_name, plan in built.items()}
        print(f"Cold starts: {args.runs} runs each of bare, demo, stress ...", flush=True)
        starts = cold_starts(paths, needles, args.runs, folder)
        measured = {}
        for plan_name, path in paths.items():
            print(f"Ticks, step switches and a goal delete on {plan_name} ...", flush=True)
            measured[plan_name] = interactions(path, args, folder)
        print("Switches between two bare Textual screens ...", flush=True)
        bare_switch = bare_switches(args, folder)
    figures = summarise(starts, measured, bare_switch)
    print(table(figures))
    raw = {"cold_start_seconds": {n: s["seconds"] for n, s in starts.items()},
           "ticks_seconds": {n: m["tick"] for n, m in measured.items()},
           "switch_seconds": {"bare": bare_switch, **{n: m["switch"] for n, m in measured.items()}}}
    args.json.write_text(json.dumps({"date": today.isoformat(), "figures": figures,
                                     "targets_met": _targets_met(figures), "raw": raw},
                                    indent=1) + "\n", encoding="utf-8")
    print(f"Figures written to {args.json}")
    return 0


def _targets_met(figures: dict[str, dict]) -> dict[str, bool]:
    return {f"{plan}.{key}": figures[plan][key] <= limit
            for (plan, key), (limit, _) in TARGETS.items()}


if __name__ == "__main__":
    sys.exit(main())
