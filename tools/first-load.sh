#!/usr/bin/env bash
#! First-load transfer of each bundle's pages, as gzip -9 bytes of every file a cold visit
#! downloads: index.html, boot.js, the CSS, the bundle's JS glue and wasm (the service worker's
#! precache comes after the page has loaded and is not counted).
# Usage: tools/first-load.sh [--check]   (after tools/build.sh app)
# --check fails when the resident's route (the pre-fill form) is over its 250 KB budget (#2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$root/dist/app"
budget=250000

gz() { gzip -9 -c "$dist/$1" | wc -c; }

total_of() {
  local bundle="$1"; shift
  local total=0 line="" size
  for f in index.html boot.js style.css "$@" "pkg/$bundle.js" "pkg/${bundle}_bg.wasm"; do
    size=$(gz "$f")
    total=$((total + size))
    line+=" $f=$size"
  done
  echo "first_load bundle=$bundle total_bytes=$total$line" >&2
  echo "$total"
}

resident=$(total_of resident)
total_of public >/dev/null
total_of staff staff.css >/dev/null
echo "resident_route_first_load_bytes=$resident budget_bytes=$budget" >&2
if [[ "${1:-}" == "--check" && "$resident" -gt "$budget" ]]; then
  echo "the resident's first load is over budget" >&2
  exit 1
fi
