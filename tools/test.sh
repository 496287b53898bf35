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
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The app is three bundles (the form by default, `public`, `staff`): lint each, native and wasm.
for bundle in public staff; do
  cargo clippy -p app --all-targets --features "$bundle" --quiet -- -D warnings
done
for features in "" public staff; do
  cargo clippy -p app --target wasm32-unknown-unknown --features "$features" --quiet -- -D warnings
done
cargo clippy -p extract-worker --target wasm32-unknown-unknown --quiet -- -D warnings

step "architecture: shared depends on neither worker, leptos nor web-sys"
for forbidden in worker leptos web-sys; do
  if cargo tree -p shared -e normal,build -i "$forbidden" 2>/dev/null | grep -q .; then
    echo "shared must not depend on $forbidden:" >&2
    cargo tree -p shared -e normal,build -i "$forbidden" >&2
    exit 1
  fi
done
cargo build -p shared --target wasm32-unknown-unknown --quiet

step "unit tests (native)"
cargo test --workspace --exclude tests --quiet
cargo test -p app --features public --quiet
cargo test -p app --features staff --quiet

step "build app and worker bundles"
tools/build.sh all
# The resident's first load is a budget (#2): a change that breaks it fails here, with figures.
tools/first-load.sh --check

step "system and browser tests (real workerd, real Chromium)"
cargo test -p tests --quiet -- --test-threads=2

echo "[test] build folders: $(du -sm target edge/build dist 2>/dev/null | awk '{printf "%s %s MB  ", $2, $1}')" >&2
echo "[test] all checks passed in $(( $(date +%s) - start )) s" >&2
