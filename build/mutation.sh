#!/usr/bin/env bash
# Mutation testing of the packs and the host with Stryker.NET: changes each project's code one small
# thing at a time and counts the changes its fast unit tests do not notice. Slow (minutes per pack on two
# cores), so it is not part of `dotnet test` or CI: run it before a change you want to trust.
#
#   build/mutation.sh                       every pack and the Kit, then the host, one after another
#   build/mutation.sh Budget                one pack (Budget, Transactions, Registry, Obligations, Audit), Kit, or Host
#   build/mutation.sh Kit                   the shared pack library (Valhalla.Packs.Kit)
#   build/mutation.sh Host                  the host's Stores, Validation and lifecycle code
#   build/mutation.sh Budget --since:main   only mutants in code changed since main (while iterating)
#   build/mutation.sh Budget --mutate "**/SnapshotCalculator.cs"
#
# Each run leaves an HTML and a JSON report under the test project's StrykerOutput/
# (git-ignored) and prints every surviving mutant; docs/test-strength.md keeps the scores.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

packs=(Budget Transactions Registry Obligations Audit Kit Host)
if [[ $# -gt 0 && "$1" != -* ]]; then
    packs=("$1")
    shift
fi

for pack in "${packs[@]}"; do
    tests="$root/tests/Valhalla.Packs.$pack.Tests"
    if [[ "$pack" == Host ]]; then
        tests="$root/tests/Valhalla.Host.Tests"
    fi
    echo "== $pack"
    (cd "$tests" && dotnet stryker "$@")
    report="$(ls -td "$tests"/StrykerOutput/*/reports/mutation-report.json | head -1)"
    python3 "$root/build/mutation-survivors.py" "$report"
done
