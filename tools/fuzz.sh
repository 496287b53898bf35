#!/usr/bin/env bash
#! Builds every fuzz target (the engine's decoders, the edge's request parsers) with libFuzzer on
#! stable Rust and runs each for a bounded time; fails when any crashed, with its input saved.
#   tools/fuzz.sh [SECONDS [TARGET...]]   (default: 20 s each, every target)
# CI runs it from tools/test.sh; a longer run by hand: `tools/fuzz.sh 600 json_bodies`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/env.sh

seconds="${1:-20}"
shift || true
crates=(shared/biometrics/fuzz edge/fuzz)
out="$root/target/fuzz"
host="$(rustc -vV | sed -n 's/^host: //p')"

# SanitizerCoverage, which guides libFuzzer, is stable rustc; the sanitizers are nightly-only, so
# there are none: a crash is a panic or a failed assertion, with debug assertions and overflow
# checks on (cargo-fuzz's coverage flags, without its sanitizer). The explicit --target keeps
# the flags off build scripts and proc macros.
flags=(
  -Cpasses=sancov-module
  -Cllvm-args=-sanitizer-coverage-level=4
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
  -Cllvm-args=-sanitizer-coverage-pc-table
  -Cllvm-args=-sanitizer-coverage-trace-compares
  --cfg fuzzing -Cdebug-assertions -Coverflow-checks
)
export RUSTFLAGS="${flags[*]}"

# The targets of a fuzz crate: its [[bin]] names.
targets_of() { awk '/^\[\[bin\]\]/{bin=1} bin && /^name = /{gsub(/"/,"",$3); print $3; bin=0}' "$1/Cargo.toml"; }

for crate in "${crates[@]}"; do
  cargo build --quiet --release --manifest-path "$crate/Cargo.toml" --target "$host" \
    --target-dir "$out" --bins
done

# One target for the given time: prints its executions, or the end of its log when it failed.
run() {
  local crate="$1" target="$2"
  # New inputs go to a work corpus under target/; the committed seeds are only read.
  local corpus="$out/corpus/$target" artifacts="$out/artifacts/$target/" log="$out/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  if "$out/$host/release/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" "$crate/seeds/$target" >"$log" 2>&1; then
    local runs
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    printf '[fuzz] %-15s %10s executions in %s s\n' "$target" "$runs" "$seconds" >&2
  else
    printf '[fuzz] %s FAILED (input in %s); its log ends:\n' "$target" "$artifacts" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
}

# A libFuzzer process uses one core: as many targets run at once as there are cores.
parallel="$(nproc)"
failed=0 running=()
for crate in "${crates[@]}"; do
  for target in $(targets_of "$crate"); do
    if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then continue; fi
    run "$crate" "$target" &
    running+=("$!")
    if [ "${#running[@]}" -ge "$parallel" ]; then
      wait "${running[0]}" || failed=1
      running=("${running[@]:1}")
    fi
  done
done
for pid in "${running[@]}"; do
  wait "$pid" || failed=1
done
exit "$failed"
