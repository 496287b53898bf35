#!/usr/bin/env bash
#! Installs every build and test tool the project needs, idempotently, into git-ignored folders.
# Only the package registries are reachable: cargo, npm and apt. Nothing is downloaded from release pages.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/env.sh

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. Rust target for the browser and the Workers runtime.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: headless Chromium for browser tests; its driver; the sqlite3 shell, with
#    which matching tests and the runtime benchmark write into a gallery shard's local storage;
#    g++, which builds libFuzzer (the C++ part of the fuzz targets, tools/fuzz.sh).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
command -v g++ >/dev/null || need_apt+=(g++)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 3. wasm-bindgen-cli must equal the wasm-bindgen library version in Cargo.lock exactly.
wb_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,"",$0); print; exit}' Cargo.lock 2>/dev/null || true)"
wb_version="${wb_version:-0.2.130}"
if ! "$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $wb_version\$"; then
  log "cargo install wasm-bindgen-cli $wb_version (about 2 minutes)"
  # Not --locked: one locked dependency version is missing from the registry here (TOOLCHAIN.md).
  cargo install --quiet --root "$TOOLS" wasm-bindgen-cli --version "$wb_version" --force
fi

# 4. worker-build turns the edge crate into a Workers bundle.
if ! "$TOOLS/bin/worker-build" --version 2>/dev/null | grep -q "0.8.7"; then
  log "cargo install worker-build 0.8.7 (about 5 minutes)"
  cargo install --quiet --root "$TOOLS" worker-build --version 0.8.7 --locked --force
fi

# 5. npm: wrangler (workerd) and binaryen's wasm-opt, pinned by package-lock.json.
if [ ! -x node_modules/.bin/wrangler ] || [ package-lock.json -nt node_modules/.stamp ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.stamp
fi
log "tools ready"
