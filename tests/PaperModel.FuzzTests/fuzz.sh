#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with AFL++ and SharpFuzz (docs/reliability.md).
#
#   tests/PaperModel.FuzzTests/fuzz.sh TARGET [SECONDS]
#
# TARGET is a format name (hf-daily-text, hf-api-json, arxiv-atom, arxiv-metadata-jsonl, paper-jsonl), taxonomy or
# generator. It installs what it needs (AFL++ from the distribution's packages, the SharpFuzz instrumenter as a .NET
# tool in artifacts/), instruments PaperModel.dll, seeds the corpus with the real samples and fuzzes for SECONDS
# (default 600). Each input that breaks an invariant is a "crash" under artifacts/fuzz/TARGET/findings/default/crashes;
# the script replays every one of them at the end.
set -euo pipefail
target=${1:?usage: fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/artifacts/fuzz/$target
tools=$root/artifacts/fuzz/tools

if ! command -v afl-fuzz >/dev/null; then
  apt-get update && apt-get install -y --no-install-recommends afl++
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

rm -rf "$work/bin"
dotnet publish "$root/tests/PaperModel.FuzzTests" -c Release -o "$work/bin" --nologo -v quiet
runner=(dotnet "$work/bin/PaperModel.FuzzTests.dll")
rm -rf "$work/in"
# The seeds are written before instrumenting: instrumented code traces into AFL's shared memory, which exists only
# under afl-fuzz.
"${runner[@]}" seeds "$target" "$work/in"
"$tools/sharpfuzz" "$work/bin/PaperModel.dll"

# Inputs are small in AFL's world: large seeds slow every execution, so keep the first 64 KiB of each.
for seed in "$work/in"/*; do truncate -s '<65536' "$seed"; done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -V "$seconds" -t 10000 -m none -i "$work/in" -o "$work/findings" -- "${runner[@]}" afl "$target" || true

crashes=$(find "$work/findings" -path '*crashes/id:*' -type f 2>/dev/null | sort)
hangs=$(find "$work/findings" -path '*hangs/id:*' -type f 2>/dev/null | sort)
echo "target $target: $(echo -n "$crashes" | grep -c . || true) crashes, $(echo -n "$hangs" | grep -c . || true) hangs"
for input in $crashes $hangs; do
  echo "== $input"
  "${runner[@]}" replay "$target" "$input" || true
done
grep -E '^(execs_done|corpus_count|bitmap_cvg|saved_crashes|saved_hangs|run_time)' "$work/findings/default/fuzzer_stats" 2>/dev/null || true
