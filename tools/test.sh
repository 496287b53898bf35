#!/usr/bin/env bash
#! Runs every check and test: format, lints, architecture boundaries, unit tests, wasm builds,
#! system tests on the real Workers runtime and browser tests in headless Chromium.
# Idempotent; the first run on a fresh machine installs the tools (tools/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
start=$(date +%s)
tools/setup.sh
source tools/env.sh
step() { printf '\n[test] %s (at %d s)\n' "$*" "$(( $(date +%s) - start ))" >&2; }
# A clean clone (CI) gains nothing from incremental caches, which take as much disk as the build.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step "format"
cargo fmt --all --check

step "lints (warnings are errors)"
# Every crate natively, every target (tests, benches, examples, bins), with the workspace's features
# unified (the engine's `codec`, the domain crate's `password-hashing` and `villages` on).
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The app is three bundles whose features switch route tables rather than add code (`staff` drops
# the other two tables), so each is linted: the pre-fill form (no features) above, then `public`
# and `staff`. Natively only: the app has no target-specific code (checked here), so a wasm pass
# would lint the same code again. Clippy lints the workspace crates an app build pulls in too, so
# these passes also cover `shared` and `biometrics` with default features off, as the app ships them.
if grep -rnE 'target_(arch|family|os)|wasm32' app/src; then
  echo "app/src has target-specific code: lint the app for wasm32 too (tools/test.sh)" >&2
  exit 1
fi
for bundle in public staff; do
  cargo clippy -p app --all-targets --features "$bundle" --quiet -- -D warnings
done
# Wasm-only code: the Web Worker's entry point, and the engine without its x86-64 SIMD dispatch.
cargo clippy -p extract-worker --target wasm32-unknown-unknown --quiet -- -D warnings

step "architecture: shared and biometrics depend on neither worker, leptos nor web-sys; no image in shared or the resident bundle; SQL only in edge storage"
# forbid PACKAGE DEPENDENCY [cargo tree options]: fails, with the path, when PACKAGE's build
# graph reaches DEPENDENCY.
forbid() {
  local package="$1" forbidden="$2"; shift 2
  if cargo tree -p "$package" -i "$forbidden" "$@" 2>/dev/null | grep -q .; then
    echo "$package must not depend on $forbidden:" >&2
    cargo tree -p "$package" -i "$forbidden" "$@" >&2
    exit 1
  fi
}
for crate in shared biometrics; do
  for forbidden in worker leptos web-sys; do
    forbid "$crate" "$forbidden" -e normal,build
  done
done
# The domain crate reaches the engine without its decoders; the resident's phone bundle (the app
# without features) carries neither the decoders nor password hashing.
forbid shared image -e normal,build --target all
for forbidden in image argon2; do
  forbid app "$forbidden" -e normal --target wasm32-unknown-unknown
done
cargo build -p shared -p biometrics --target wasm32-unknown-unknown --quiet
# Storage owns the data: no SQL statement is written anywhere in the edge but edge/src/storage/.
if grep -rnE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE) ' edge/src --include='*.rs' --exclude-dir=storage; then
  echo "SQL outside edge/src/storage/ (above): move it into a storage module" >&2
  exit 1
fi

step "unit tests (native)"
cargo test --workspace --exclude tests --quiet
cargo test -p app --features public --quiet
cargo test -p app --features staff --quiet

step "fuzzing: every fuzz target for a bounded time"
# The engine's decoders and the edge's request parsers, 6 s each, two at a time on two cores; a
# crash (a panic or a failed property) fails. Short, for CI's 40 minutes (building them is most
# of the step); the work corpus under target/fuzz carries over between runs on one machine, and
# longer runs are by hand (README, Fuzzing).
tools/fuzz.sh 6

step "build app and worker bundles"
tools/build.sh all
# The resident's first load is a budget (#2): a change that breaks it fails here, with figures.
tools/first-load.sh --check

step "system and browser tests (real workerd, real Chromium)"
cargo test -p tests --quiet -- --test-threads=2

echo "[test] build folders: $(du -sm target edge/build dist 2>/dev/null | awk '{printf "%s %s MB  ", $2, $1}')" >&2
echo "[test] all checks passed in $(( $(date +%s) - start )) s" >&2
