#!/usr/bin/env python3
"""Summarises a cluster-run.sh output folder: per process CPU, RSS and heap, the nodes' connections, the heap after
GC per held connection, each injector's verdict and where the reports are."""
import csv
import glob
import os
import sys
from collections import defaultdict


def main(out, nodes, injectors):
    rows = list(csv.DictReader(open(os.path.join(out, "samples.csv"))))
    by_process = defaultdict(list)
    for r in rows:
        by_process[r["process"]].append(r)
    print("== processes (sampled every 5 s) ==")
    print(f"{'process':<12} {'CPU s':>8} {'cores':>6} {'peak RSS MiB':>13} {'peak heap MiB':>14} {'peak conns':>11}")
    for name in sorted(by_process, key=lambda n: (n.split("-")[0], int(n.split("-")[1]))):
        samples = by_process[name]
        cpu = [float(s["cpu_seconds"]) for s in samples]
        times = [int(s["time"]) for s in samples]
        span = max(times) - min(times) or 1
        rss = max(int(s["rss_kib"]) for s in samples) / 1024
        heaps = [int(s["heap_used_kib"]) for s in samples if s["heap_used_kib"]]
        conns = [int(s["open_connections"]) for s in samples if s["open_connections"].isdigit()]
        print(f"{name:<12} {max(cpu) - min(cpu):>8.0f} {(max(cpu) - min(cpu)) / span:>6.2f} {rss:>13.0f} "
              f"{(max(heaps) / 1024 if heaps else 0):>14.0f} {(max(conns) if conns else ''):>11}")
    totals = defaultdict(int)
    for r in rows:
        if r["process"].startswith("node-") and r["open_connections"].isdigit():
            totals[int(r["time"]) // 5] += int(r["open_connections"])
    if totals:
        print(f"peak open connections over all nodes (one sample): {max(totals.values()):,}")
    cpu_all = sum(max(float(s["cpu_seconds"]) for s in v) - min(float(s["cpu_seconds"]) for s in v)
                  for v in by_process.values())
    print(f"CPU seconds over all sampled processes: {cpu_all:,.0f}")
    heap_file = os.path.join(out, "heap-after-gc.csv")
    empty_file = os.path.join(out, "heap-empty.csv")
    empty = {}
    if os.path.exists(empty_file):
        empty = {r["node"]: int(r["heap_after_gc_kib"] or 0) for r in csv.DictReader(open(empty_file))}
    if os.path.exists(heap_file):
        print("\n== heap after a full GC: before the run, and 10 s after the ramp ==")
        for r in csv.DictReader(open(heap_file)):
            open_ = int(r["open_connections"] or 0)
            heap = int(r["heap_after_gc_kib"] or 0)
            before = empty.get(r["node"])
            per = ""
            if open_ and before is not None:
                per = f", {(heap - before) / open_:.1f} KiB more per held connection than empty ({before / 1024:.0f} MiB)"
            print(f"{r['node']}: {open_:,} connections, heap {heap / 1024:.0f} MiB{per}")
    print("\n== verdicts ==")
    for f in sorted(glob.glob(os.path.join(out, "*-verdict.txt"))):
        print(f"-- {os.path.basename(f)}")
        for line in open(f):
            if line.startswith("=====") or line.startswith("  ") or line.startswith("simulator reconnect") \
                    or line.startswith("clients:") or line.startswith("reconnect (") or "connects per node" in line:
                print(line.rstrip())
    print("\n== reports ==")
    for f in sorted(glob.glob(os.path.join(out, "*reconnect-report*.html"))):
        print(f)
    for f in sorted(glob.glob(os.path.join(out, "gatling-injector-*", "*", "index.html"))):
        print(f)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
