#!/usr/bin/env bash
#! Extraction speed of the engine compiled to WebAssembly (SIMD128, run in Node's V8) against the
#! native release build, on the same decoded images. Prints the wasm/native time ratio.
# usage: tools/bench-engine-wasm.sh [IMAGE[:PPI] ...]   (default: 8 FVC2002 images from ../shared)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target-engine}"
data="$root/../shared/data/fingerprints/fvc2002"
if [ $# -eq 0 ]; then
  set -- "$data"/DB1_B/101_1.tif "$data"/DB1_B/105_3.tif "$data"/DB2_B/102_1.tif:569 "$data"/DB2_B/107_4.tif:569 \
    "$data"/DB3_B/103_1.tif "$data"/DB3_B/108_2.tif "$data"/DB4_B/104_1.tif "$data"/DB4_B/110_5.tif
fi
raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT

cargo build --quiet --release -p biometrics --example engine-bench
RUSTFLAGS="-C target-feature=+simd128" cargo build --quiet --release -p biometrics --example engine-wasm \
  --target wasm32-unknown-unknown
native="$("$CARGO_TARGET_DIR/release/examples/engine-bench" "$raw" "$@")"
native_ms="$(sed -E 's/.*native_ms=([0-9.]+).*/\1/' <<<"$native")"
native_minutiae="$(sed -E 's/.*minutiae=([0-9]+).*/\1/' <<<"$native")"
node tools/bench-engine-wasm.mjs "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/examples/engine_wasm.wasm" \
  "$raw" "$native_ms" "$native_minutiae"
