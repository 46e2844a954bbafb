#!/usr/bin/env python3
"""Prints the score and every surviving or uncovered mutant of a Stryker JSON report, one line each."""
import json
import sys

report = json.load(open(sys.argv[1]))
killed = undetected = 0
for path, file in sorted(report["files"].items()):
    lines = file["source"].splitlines()
    for m in file["mutants"]:
        status = m["status"]
        if status in ("Killed", "Timeout"):
            killed += 1
        elif status in ("Survived", "NoCoverage"):
            undetected += 1
            line = m["location"]["start"]["line"]
            print(f"{status:10} {path.split('/')[-1]}:{line} {m['mutatorName']}: {lines[line - 1].strip()[:110]}  ->  {m.get('replacement', '')[:80]}")
total = killed + undetected
print(f"score {100 * killed / total:.2f}% ({killed} detected of {total})" if total else "no mutants")
