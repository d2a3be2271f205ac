#!/usr/bin/env bash
# Builds the benchmarks in Release, checks the benchmark histories (--verify), then runs every
# benchmark and prints one table (--table). About 5-15 minutes on a 2-core machine, build included.
# Pass --no-e2e to leave out the end-to-end runs (moto_server, swf-local, the in-process engine).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Sdk.Benchmarks/Sdk.Benchmarks.csproj -c Release -nologo -v quiet
bin=bench/Sdk.Benchmarks/bin/Release/net10.0/Swf.Sdk.Benchmarks.dll
out=bench/Sdk.Benchmarks/BenchmarkDotNet.Artifacts
mkdir -p "$out"
dotnet "$bin" --verify
# BenchmarkDotNet's own logs go to a file; the combined table is printed at the end.
dotnet "$bin" --table "$@" > "$out/run.log" 2>&1 || { tail -50 "$out/run.log"; exit 1; }
sed -n '/^| Measure/,$p' "$out/run.log" | tee "$out/table.md"
