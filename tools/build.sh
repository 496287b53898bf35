#!/usr/bin/env bash
#! Builds the browser app (wasm + static shell) and the edge worker bundle, ready for wrangler.
# Usage: tools/build.sh [app|edge|all]   (default all). Incremental: cargo and wasm-opt only redo changed work.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/env.sh
what="${1:-all}"

build_app() {
  local out="$root/dist/app" wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release-app"
  cargo build -p app --lib --target wasm32-unknown-unknown --profile release-app --quiet
  mkdir -p "$out/pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "$wasm/app.wasm"
  # npm's binaryen 132; Debian's older wasm-opt corrupts wasm-bindgen 0.2.130 output (TOOLCHAIN.md).
  "$WASM_OPT_BIN" -Oz "$out/pkg/app_bg.wasm" -o "$out/pkg/app_bg.wasm"
  cp -r app/static/. "$out/"
  build_extract_worker
}

# The staff console's Web Worker (fingerprint extraction, QR reading): a second wasm binary, so the
# engine never weighs on the app's first load. Built at opt-level 3 (the `release` profile), since
# extraction time at the desk matters more than its size; loaded only by the recording screen.
build_extract_worker() {
  local out="$root/dist/app" wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release"
  cargo build -p app --bin extract_worker --target wasm32-unknown-unknown --release --quiet
  wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "$wasm/extract_worker.wasm"
  "$WASM_OPT_BIN" -O3 "$out/pkg/extract_worker_bg.wasm" -o "$out/pkg/extract_worker_bg.wasm"
}

build_edge() {
  (cd edge && worker-build --release >/dev/null 2>&1) || (cd edge && worker-build --release)
}

case "$what" in
  app) build_app ;;
  edge) build_edge ;;
  all) build_app; build_edge ;;
  *) echo "usage: tools/build.sh [app|edge|all]" >&2; exit 2 ;;
esac
