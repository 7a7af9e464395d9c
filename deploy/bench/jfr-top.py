#!/usr/bin/env python3
"""Where a JVM spent its CPU: the top frames of a JFR recording's execution samples (issue 12's profiling).

  jcmd <pid> JFR.start duration=20s filename=/tmp/x.jfr settings=profile   # during a load run
  deploy/bench/jfr-top.py /tmp/x.jfr [N]

Prints the N (30) methods most often on top of a sampled stack (self time) and the N most often anywhere on it
(total time), as shares of all samples.
"""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                      capture_output=True, text=True, check=True).stdout
self_count, total_count, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", event.split("stackTrace = [", 1)[-1], re.M)
    if not frames:
        continue
    samples += 1
    self_count[frames[0]] += 1
    for f in set(frames):
        total_count[f] += 1
print(f"{samples} samples")
for title, counter in (("self", self_count), ("total", total_count)):
    print(f"\n-- {title}")
    for frame, c in counter.most_common(n):
        print(f"{100 * c / samples:5.1f}%  {frame}")
