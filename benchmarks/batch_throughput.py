"""Throughput of ``beian-policy check --batch``: one process, N questions (default
100,000), JSON Lines in and out. Prints lines per second and peak memory.

Usage: python benchmarks/batch_throughput.py [N]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROVINCES = ["北京", "广东", "陕西", "天津", "辽宁", "四川", "上海", "浙江", "深圳", "Shanxi"]
CHANGES = ["subject_name", "website_name", "主体名称", "联系方式1", "网站负责人", "域名"]


def main(count: int) -> None:
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        questions = Path(tmp) / "questions.jsonl"
        with questions.open("w", encoding="utf-8") as out:
            for _ in range(count):
                question = {"province": rng.choice(PROVINCES), "changes": rng.sample(CHANGES, 2)}
                out.write(json.dumps(question, ensure_ascii=False) + "\n")
        script = Path(sys.executable).with_name("beian-policy")
        start = time.perf_counter()
        result = subprocess.run(
            [str(script), "check", "--batch", str(questions)], capture_output=True, check=False
        )
        elapsed = time.perf_counter() - start
    lines = result.stdout.count(b"\n")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    rate = lines / elapsed
    print(f"{lines} answers in {elapsed:.1f} s: {rate:.0f} lines/s, peak {peak} MB, exit {result.returncode}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
