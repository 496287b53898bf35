#!/usr/bin/env bash
#! Runtime benchmark of the matching worker: a gallery of N SYNTHETIC people (default 100,000) in
#! the local Workers runtime (wrangler dev + workerd), searched end to end through the recording
#! endpoint, queue, coordinator and shards. Prints `runtime_people=... search_end_to_end_s_...`.
# Usage: tools/bench-runtime.sh [PEOPLE]   (needs the worker built: tools/build.sh edge; sqlite3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/env.sh
export REKAM_RUNTIME_BENCH_PEOPLE="${1:-100000}"
# Release: generating the gallery's codes in a debug build would take longer than the search.
nice cargo test --release -p tests --test system_matching \
  a_large_gallery_is_searched_end_to_end_within_five_seconds -- --nocapture
