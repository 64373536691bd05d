"""The speed and memory figures of issue 11, each beside the floor measured in the same run.

    python benchmarks/run.py            # the full run (about a minute)
    python benchmarks/run.py --quick    # one quick pass, as CI runs it so this cannot rot

Warm calls are timed with ``timeit`` on this thread's CPU clock (best of several
repeats, per call), processes by their CPU time (user + system; the wall time is
printed beside it), so that other work on a shared machine inflates the figures
less; the floor
is a Python call doing one dict look-up, so a ratio says how far a call is from the
cheapest thing a Python function can do on this machine, whatever its speed. Process
figures (start-up, one CLI call, memory) are compared with a process that only
imports the dependencies (``import attrs, cattrs, tomllib``). Nothing here asserts a
speed: targets are printed, not enforced (timed tests would fail at random on a
shared machine).

The call targets of issue 11 are times on the machine where its floor took 56 ns; a
call meets its target when its ratio to the floor is at most the target's ratio to
those 56 ns, so a slower or busier machine moves both alike. The load average at the
start and end of the run is printed with the figures: on a shared machine it says how
far to trust them.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import beian_policy as bp

DEPENDENCIES = (
    "import attrs, cattrs, tomllib" if sys.version_info >= (3, 11) else "import attrs, cattrs, tomli"
)
FIRST_ANSWER = "import beian_policy as bp; bp.can_transfer_directly('北京', ['subject_name'])"
# Current resident memory (not the peak: a child's peak counts its parent's at fork).
RSS = "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmRSS:')))"
#: The floor on the machine where issue 11 set the call targets.
ISSUE_FLOOR = 56e-9
CPU_CLOCK = time.thread_time


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    floor: float
    target: float | None  # seconds (calls, processes) or bytes (memory); None: no target
    unit: str = "s"
    target_ratio: float | None = None  # the target as a ratio to the floor, when it is one
    wall: float | None = None  # processes: the wall time beside the CPU time

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor

    @property
    def met(self) -> str:
        if self.target_ratio is not None:
            return "yes" if self.ratio <= self.target_ratio else "no"
        if self.target is None:
            return ""
        return "yes" if self.seconds <= self.target else "no"


def per_call(function: Callable[[], object], repeats: int) -> float:
    """Best CPU time of one call (this thread's), from *repeats* timeit runs of an
    auto-ranged count. CPU time, not wall time: on a shared machine the wall clock
    also counts the time other processes held the CPU."""
    timer = timeit.Timer(function, timer=CPU_CLOCK)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeats, number=number)) / number


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_environment(cache: str) -> dict[str, str]:
    """The environment of every measured process: bytecode cached in *cache* (a
    folder of this run) for the dependencies and the package alike, as after
    ``pip install``, which compiles both. Without it a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` compiles the package's source in every process while
    the dependencies' bytecode was compiled at install, and the ratio measures the
    compiler, not the package."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def process_seconds(argvs: list[list[str]], runs: int, env: dict[str, str]) -> list[tuple[float, float]]:
    """Median CPU time (user + system) and median wall time of *runs* fresh processes
    of each command in *argvs*, after one unmeasured warm-up each (which writes the
    bytecode cache). The commands take turns, round after round, so that a change in
    the machine's load during the run falls on the floor and the package alike."""
    for argv in argvs:
        subprocess.run(argv, check=True, capture_output=True, env=env)
    cpu: list[list[float]] = [[] for _ in argvs]
    wall: list[list[float]] = [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            start, used = timeit.default_timer(), _children_cpu()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            wall[i].append(timeit.default_timer() - start)
            cpu[i].append(_children_cpu() - used)
    return [(statistics.median(c), statistics.median(w)) for c, w in zip(cpu, wall, strict=True)]


def rss_bytes(code: str, env: dict[str, str]) -> float:
    """Resident memory of a fresh process after running *code* (Linux: KiB -> bytes)."""
    argv = [sys.executable, "-c", f"{code}\n{RSS}"]
    out = subprocess.run(argv, check=True, capture_output=True, text=True, env=env)
    return float(out.stdout.split()[-1]) * 1024


def cli_argv() -> list[str]:
    script = shutil.which("beian-policy", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "beian_policy"]
    return [*command, "check", "北京", "-c", "subject_name", "--lang", "en"]


def measure(quick: bool) -> list[Figure]:
    repeats, runs = (2, 1) if quick else (7, 15)
    table = {"CN-BJ": 1}

    def floor_call() -> int:
        return table["CN-BJ"]

    floor = per_call(floor_call, repeats)
    beijing, name = bp.resolve_province("北京"), bp.Change.SUBJECT_NAME
    calls: list[tuple[str, Callable[[], object], float | None]] = [
        (
            "`can_transfer_directly` with `Province` and `Change` values, warm",
            lambda: bp.can_transfer_directly(beijing, [name]),
            1e-6,
        ),
        (
            '`can_transfer_directly("京", ["subject_name"])`, warm',
            lambda: bp.can_transfer_directly("京", ["subject_name"]),
            2e-6,
        ),
        (
            '`required_steps("北京", ["website_name"])`, warm',
            lambda: bp.required_steps("北京", ["website_name"]),
            5e-6,
        ),
        ('`resolve_province("Guangdong")`, warm', lambda: bp.resolve_province("Guangdong"), 0.5e-6),
        ("`parse_icp_number`, clean", lambda: bp.parse_icp_number("京ICP备10046444号-9"), 5e-6),
        (
            "`parse_icp_number`, messy (full-width, spaced)",
            lambda: bp.parse_icp_number(" 京ＩＣＰ备１００４６４４４号－９ "),
            15e-6,
        ),
    ]
    figures = [Figure("a Python call doing one dict look-up (the floor)", floor, floor, None)]
    figures += [
        Figure(what, per_call(call, repeats), floor, target, target_ratio=target and target / ISSUE_FLOOR)
        for what, call, target in calls
    ]

    with tempfile.TemporaryDirectory(prefix="beian-policy-bench-") as cache:
        env = child_environment(cache)
        figures += processes(runs, env)
    return figures


def processes(runs: int, env: dict[str, str]) -> list[Figure]:
    (deps, deps_wall), (start, start_wall), (cli, cli_wall) = process_seconds(
        [[sys.executable, "-c", DEPENDENCIES], [sys.executable, "-c", FIRST_ANSWER], cli_argv()], runs, env
    )
    floor_name = "new process: `import attrs, cattrs, tomllib` (the process floor)"
    figures = [
        Figure(floor_name, deps, deps, None, wall=deps_wall),
        Figure(
            "new process: import, load, first answer",
            start,
            deps,
            1.3 * deps,
            target_ratio=1.3,
            wall=start_wall,
        ),
        Figure("one CLI `check`", cli, deps, 1.5 * deps, target_ratio=1.5, wall=cli_wall),
    ]
    if sys.platform.startswith("linux"):
        base = rss_bytes(DEPENDENCIES, env)
        used = rss_bytes(FIRST_ANSWER, env)
        figures.append(
            Figure("memory after the first answer, over the dependency floor", used - base, base, 5e6, "B")
        )
    return figures


def shown(value: float, unit: str) -> str:
    if unit == "B":
        return f"+{value / 1e6:.1f} MB"
    for scale, suffix in ((1e-6, "ns"), (1e-3, "us"), (1.0, "ms")):
        if value < scale:
            return f"{value / scale * 1e3:.3g} {suffix}"
    return f"{value:.2f} s"


def render(figures: list[Figure]) -> str:
    lines = ["| what | CPU time | x floor | target | met | wall time |", "|---|---|---|---|---|---|"]
    for f in figures:
        target = "" if f.target is None else f"at most {shown(f.target, f.unit)}"
        if f.target_ratio is not None:
            target += f" ({f.target_ratio:.2g}x floor)"
        ratio = f"{f.ratio:.0f}x" if f.ratio >= 100 else f"{f.ratio:.2g}x"
        if f.unit == "B":
            ratio = f"floor {f.floor / 1e6:.1f} MB"
        wall = "" if f.wall is None else shown(f.wall, "s")
        lines.append(f"| {f.what} | {shown(f.seconds, f.unit)} | {ratio} | {target} | {f.met} | {wall} |")
    return "\n".join(lines)


def machine() -> str:
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{python}, {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}"


def load() -> str:
    """The 1-minute load average (other work on the machine skews every figure)."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one short pass (CI): figures are rough")
    args = parser.parse_args(argv)
    before = load()
    figures = measure(args.quick)
    mode = " (quick)" if args.quick else ""
    print(f"beian-policy {bp.__version__}, data {bp.DATA_VERSION}; {machine()}{mode}")
    print(f"load average (1 min) at the start / end of the run: {before} / {load()}")
    print(render(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
