#!/usr/bin/env python3
"""Rewrites PublicAPI.Unshipped.txt of every library that tracks its public API (TrackPublicApi in its project).

Run it after a deliberate change to a public API, then review the diff of the .txt files: it is the change users see.
It builds each project with the Unshipped file emptied and collects what the analyzer reports as undeclared (RS0016,
whose message carries the symbol in the file's own format). Nothing has shipped yet, so PublicAPI.Shipped.txt stays
empty until the first release moves the lines there.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# In dependency order: a library builds only once the ones it references build.
PROJECTS = ["src/Sdk/Sdk.csproj", "src/Sdk.LocalEngine/Sdk.LocalEngine.csproj", "src/Sdk.Testing/Sdk.Testing.csproj", "src/Sdk.S3/Sdk.S3.csproj", "src/Sdk.AspNetCore/Sdk.AspNetCore.csproj"]
SYMBOL = re.compile(r"error RS0016: Symbol '(.*)' is not part of the declared public API")
HEADER = "#nullable enable\n"


def update(project: str) -> None:
    unshipped = os.path.join(ROOT, os.path.dirname(project), "PublicAPI.Unshipped.txt")
    with open(unshipped, "w", encoding="utf-8") as f:
        f.write(HEADER)
    build = subprocess.run(
        ["dotnet", "build", os.path.join(ROOT, project), "-c", "Release", "-nologo", "-clp:NoSummary"],
        capture_output=True, text=True, check=False)
    symbols = sorted({m.group(1) for m in SYMBOL.finditer(build.stdout)}, key=str.casefold)
    with open(unshipped, "w", encoding="utf-8") as f:
        f.write(HEADER + "".join(s + "\n" for s in symbols))
    check = subprocess.run(
        ["dotnet", "build", os.path.join(ROOT, project), "-c", "Release", "-nologo", "-clp:NoSummary"],
        capture_output=True, text=True, check=False)
    if check.returncode != 0:
        sys.exit(f"{project} still does not build after recording {len(symbols)} symbols:\n{check.stdout[-4000:]}")
    print(f"{project}: {len(symbols)} public symbols")


for p in PROJECTS:
    update(p)
