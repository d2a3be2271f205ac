#!/usr/bin/env bash
# Builds the benchmarks in Release, checks the benchmark histories (--verify), then runs every
# benchmark and prints one table (--table), then times the 1,000-test workflow suite (bench/WorkflowTestSuite).
# Full run: about 15-25 minutes on a 2-core machine, build included.
#   --quick   a few minutes: 1,001 and 24,995 events only, fewer iterations and warm-ups, no Temporal, no moto, no 100,000 retained runs
#   --no-e2e  leaves out the end-to-end runs (moto_server, swf-local, the in-process engine)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Sdk.Benchmarks/Sdk.Benchmarks.csproj -c Release -nologo -v quiet
dotnet build bench/WorkflowTestSuite/WorkflowTestSuite.csproj -c Release -nologo -v quiet
bin=bench/Sdk.Benchmarks/bin/Release/net10.0/Swf.Sdk.Benchmarks.dll
out=bench/Sdk.Benchmarks/BenchmarkDotNet.Artifacts
mkdir -p "$out"
echo "load before: $(uptime)" | tee "$out/load.txt"
dotnet "$bin" --verify
# BenchmarkDotNet's own logs go to a file; the combined table is printed at the end.
# A row BenchmarkDotNet could not measure fails the run, after the table of the others is kept.
status=0
dotnet "$bin" --table "$@" > "$out/run.log" 2>&1 || status=$?
sed -n '/^| Measure/,$p' "$out/run.log" > "$out/table.md"
if [ "$status" -ne 0 ]; then
  tail -50 "$out/run.log"
  echo "run.sh: the table run exited with $status (a row not measured?); the table so far is in $out/table.md" >&2
  exit 1
fi
# The suite: 1,000 tests in 8 xunit collections, run in parallel; wall time of the test run alone (no build).
start=$(date +%s%N)
dotnet test bench/WorkflowTestSuite/WorkflowTestSuite.csproj -c Release --no-build -nologo > "$out/suite.log" 2>&1 || { tail -30 "$out/suite.log"; exit 1; }
end=$(date +%s%N)
summary=$(grep -E 'Passed!|Failed!' "$out/suite.log" | tail -1)
wall=$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }")
echo "| 1,000 workflow tests in parallel (bench/WorkflowTestSuite, 8 xunit collections) | ${wall} s wall for 'dotnet test --no-build' | ${summary//|/} | target < 10 s |" >> "$out/table.md"
echo "load after: $(uptime)" | tee -a "$out/load.txt"
cat "$out/table.md"
