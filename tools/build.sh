#!/usr/bin/env bash
#! Builds the browser app (wasm + static shell) and the edge worker bundle, ready for wrangler.
# Usage: tools/build.sh [app|edge|all]   (default all). Incremental: cargo and wasm-opt only redo changed work.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/env.sh
what="${1:-all}"

build_app() {
  local out="$root/dist/app"
  mkdir -p "$out/pkg"
  # The pre-fill form, the landing/status pages, the consoles (boot.js picks by path).
  build_bundle resident
  build_bundle public --features public
  build_bundle staff --features staff
  cp -r app/static/. "$out/"
  build_extract_worker
  build_qr_decode
}

# One wasm bundle of the app crate, size-optimised, as dist/app/pkg/NAME.js + NAME_bg.wasm.
# Switching features rebuilds only the app crate itself; its dependencies stay compiled.
build_bundle() {
  local name="$1" out="$root/dist/app/pkg"; shift
  local wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release-app"
  cargo build -p app --lib --target wasm32-unknown-unknown --profile release-app --quiet "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm/app.wasm"
  # npm's binaryen 132; Debian's older wasm-opt corrupts wasm-bindgen 0.2.130 output (TOOLCHAIN.md).
  "$WASM_OPT_BIN" -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}

# The staff console's Web Worker (fingerprint extraction, QR reading): its own crate and wasm
# binary, so the engine never weighs on the app's first load. Built at opt-level 3 (the `release`
# profile), since extraction time at the desk matters more than its size; loaded only by the
# recording screen and the QR scanner.
build_extract_worker() {
  local out="$root/dist/app" wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release"
  cargo build -p extract-worker --bin worker --target wasm32-unknown-unknown --release --quiet
  wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" --out-name extract_worker "$wasm/worker.wasm"
  "$WASM_OPT_BIN" -O3 "$out/pkg/extract_worker_bg.wasm" -o "$out/pkg/extract_worker_bg.wasm"
}

# The /v page's QR decoder (rqrr alone), loaded by static/qr-worker.js only when the camera is
# opened, so the verification page's first load does not carry it. Size-optimised: it decodes a
# few frames a second on a phone, which opt-level z does comfortably.
build_qr_decode() {
  local out="$root/dist/app/pkg" wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release-app"
  cargo build -p qr-decode --lib --features export --target wasm32-unknown-unknown --profile release-app --quiet
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name qr_decode "$wasm/qr_decode.wasm"
  "$WASM_OPT_BIN" -Oz "$out/qr_decode_bg.wasm" -o "$out/qr_decode_bg.wasm"
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
