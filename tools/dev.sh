#!/usr/bin/env bash
#! Sets everything up and runs the whole system locally: app + API + matching worker under
#! wrangler dev (workerd) with local D1, R2, Durable Objects and Queues state in .state/dev.
# Idempotent: a second run reuses the tools, the build and the state.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tools/setup.sh
source tools/env.sh
port="${PORT:-8787}"
state="$root/.state/dev"
mkdir -p "$state"

tools/build.sh all
wrangler d1 migrations apply DB --local --persist-to "$state" --config edge/wrangler.toml >/dev/null
if [ -f tools/seed-demo.sql ]; then
  wrangler d1 execute DB --local --persist-to "$state" --config edge/wrangler.toml --file tools/seed-demo.sql >/dev/null
fi
if [ -f tools/seed-demo.txt ]; then cat tools/seed-demo.txt; fi
echo
echo "Rekam is running at http://127.0.0.1:$port/  (Ctrl-C stops it; state stays in .state/dev)"
exec wrangler dev --config edge/wrangler.toml --ip 127.0.0.1 --port "$port" --inspector-port 0 \
  --persist-to "$state" --log-level warn
