#!/usr/bin/env python3
"""Benchmarks of the edition: figures printed, never asserted.

    python3 run.py bench                # or: .venv/bin/python benchmarks/bench.py [--repeat N]

(a) start-up: ``import kernel_utils; load_telegram()`` in a fresh process, against the floor of
    ``import pandas`` alone (the goal: within 10 % of the floor);
(b) notebooks: executing every notebook on a fresh kernel, against the floor of executing the
    same number of notebooks that only import the same libraries (the goal: at most 1.5×);
(c) memory: the peak resident memory of a kernel-like process after loading every data layer,
    above the floor of importing the same libraries;
(d) the dossier: loading every bundled document (validated record, text checked and parsed, witness)
    with every data file of its folder (its layers), against ``import pandas`` measured in the same
    run (the goal: at most 1.10×), and its peak memory above the notebooks' import floor (the goal:
    within 20 MiB).

Every measurement runs in fresh processes; the median of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The libraries the notebooks import; the floors import exactly these.
NOTEBOOK_IMPORTS = "import pandas, ipywidgets, matplotlib, jsonschema\nfrom IPython.display import HTML, SVG"

LOAD_EVERYTHING = """
import kernel_utils
for name in sorted(n for n in kernel_utils.__all__ if n.startswith("load_")):
    function = getattr(kernel_utils, name)
    try:
        function()
    except TypeError:
        pass  # a loader that needs an argument
kernel_utils.validate_all()
"""

LOAD_DOSSIER = """
import kernel_utils
from kernel_utils.store.paths import data_dir
from kernel_utils.store.validation import load_validated
root = data_dir()
for entry in kernel_utils.load_dossier():
    for path in sorted((root / "documents" / entry.id).rglob("*.json")):
        load_validated(path.relative_to(root).as_posix())
"""


def _median_seconds(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_rss_kib(code: str) -> int:
    probe = code + "\nimport resource, sys\nsys.stdout.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def bench_startup(repeat: int) -> dict:
    floor = _median_seconds("import pandas", repeat)
    ours = _median_seconds("import kernel_utils; kernel_utils.load_telegram()", repeat)
    return {"floor_import_pandas_s": floor, "kernel_utils_load_telegram_s": ours, "ratio": ours / floor}


def _execute(path: Path) -> float:
    from tools.notebook_runner import execute_notebook

    start = time.perf_counter()
    execute_notebook(path)
    return time.perf_counter() - start


def bench_notebooks(repeat: int) -> dict:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from tools.notebook_runner import notebook_paths

    notebooks = notebook_paths()
    with tempfile.TemporaryDirectory() as tmp:
        floor_paths = []
        for i, _ in enumerate(notebooks):
            nb = new_notebook(cells=[new_code_cell(NOTEBOOK_IMPORTS)])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            path = Path(tmp) / f"floor-{i}.ipynb"
            nbformat.write(nb, path)
            floor_paths.append(path)
        _execute(floor_paths[0])  # warm-up: the first kernel start pays for cold caches; measure neither side with it
        floor = statistics.median(sum(_execute(p) for p in floor_paths) for _ in range(repeat))
        ours = statistics.median(sum(_execute(p) for p in notebooks) for _ in range(repeat))
    per_notebook = {p.name: round(_execute(p), 2) for p in notebooks}
    return {"notebooks": len(notebooks), "floor_s": floor, "ours_s": ours, "ratio": ours / floor, "per_notebook_s": per_notebook}


def bench_memory() -> dict:
    floor = _peak_rss_kib(NOTEBOOK_IMPORTS)
    ours = _peak_rss_kib(NOTEBOOK_IMPORTS + "\n" + LOAD_EVERYTHING)
    return {"floor_peak_mib": floor / 1024, "loaded_peak_mib": ours / 1024, "above_floor_mib": (ours - floor) / 1024}


def bench_dossier(repeat: int) -> dict:
    import kernel_utils

    count = len(kernel_utils.list_documents())
    floor = _median_seconds("import pandas", repeat)
    ours = _median_seconds(LOAD_DOSSIER, repeat)
    memory_floor = _peak_rss_kib(NOTEBOOK_IMPORTS)
    memory = _peak_rss_kib(NOTEBOOK_IMPORTS + "\n" + LOAD_DOSSIER)
    return {"documents": count, "floor_import_pandas_s": floor, "load_dossier_s": ours, "ratio": ours / floor,
            "floor_peak_mib": memory_floor / 1024, "dossier_peak_mib": memory / 1024,
            "above_floor_mib": (memory - memory_floor) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median reported)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--only", choices=("startup", "notebooks", "memory", "dossier"), action="append",
                        help="run only these measurements (repeatable; default: all)")
    args = parser.parse_args()
    only = set(args.only or ("startup", "notebooks", "memory", "dossier"))
    figures: dict = {}
    if "startup" in only:
        figures["startup"] = _report_startup(args.repeat)
    if "notebooks" in only:
        figures["notebooks"] = _report_notebooks(max(1, args.repeat // 2))
    if "memory" in only:
        figures["memory"] = _report_memory()
    if "dossier" in only:
        figures["dossier"] = _report_dossier(args.repeat)
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


def _report_startup(repeat: int) -> dict:
    startup = bench_startup(repeat)
    print("(a) start-up, fresh process, median of", repeat)
    print(f"    import pandas (floor)                 {startup['floor_import_pandas_s']:.3f} s")
    print(f"    import kernel_utils; load_telegram()  {startup['kernel_utils_load_telegram_s']:.3f} s")
    print(f"    ratio                                 {startup['ratio']:.2f}  (goal ≤ 1.10)")
    return startup


def _report_notebooks(repeat: int) -> dict:
    notebooks = bench_notebooks(repeat)
    print(f"(b) executing {notebooks['notebooks']} notebook(s) on fresh kernels, median of {repeat}")
    print(f"    floor (same number, imports only)     {notebooks['floor_s']:.2f} s")
    print(f"    the notebooks                         {notebooks['ours_s']:.2f} s")
    print(f"    ratio                                 {notebooks['ratio']:.2f}  (goal ≤ 1.5)")
    for name, seconds in notebooks["per_notebook_s"].items():
        print(f"      {name:40s} {seconds:.2f} s")
    return notebooks


def _report_memory() -> dict:
    memory = bench_memory()
    print("(c) peak resident memory, fresh process")
    print(f"    notebook imports (floor)              {memory['floor_peak_mib']:.1f} MiB")
    print(f"    after loading every data layer        {memory['loaded_peak_mib']:.1f} MiB")
    print(f"    above the floor                       {memory['above_floor_mib']:.1f} MiB")
    return memory


def _report_dossier(repeat: int) -> dict:
    dossier = bench_dossier(repeat)
    print(f"(d) the dossier: {dossier['documents']} bundled documents with their layers, fresh process, median of {repeat}")
    print(f"    import pandas (floor, same run)       {dossier['floor_import_pandas_s']:.3f} s")
    print(f"    load_dossier() + every layer file     {dossier['load_dossier_s']:.3f} s")
    print(f"    ratio                                 {dossier['ratio']:.2f}  (goal ≤ 1.10)")
    print(f"    peak memory, notebook imports (floor) {dossier['floor_peak_mib']:.1f} MiB")
    print(f"    peak memory, + the dossier            {dossier['dossier_peak_mib']:.1f} MiB")
    print(f"    above the floor                       {dossier['above_floor_mib']:.1f} MiB  (goal ≤ 20)")
    return dossier


if __name__ == "__main__":
    sys.exit(main())
