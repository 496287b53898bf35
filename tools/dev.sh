#!/usr/bin/env bash
#! Sets everything up and runs the whole system locally: app + API + matching worker under
#! wrangler dev (workerd) with local D1, R2, Durable Objects and Queues state in .state/dev.
# Idempotent: a second run reuses the tools, the build and the state. Delete .state/dev to reset.
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
# Demo staff accounts exist only in local state, seeded here (never by a deployment).
accounts="$(cargo run --quiet --release -p tests --bin seed-demo -- "$state/seed-demo.sql")"
wrangler d1 execute DB --local --persist-to "$state" --config edge/wrangler.toml --file "$state/seed-demo.sql" >/dev/null

# A development key signs this state's Surat Keterangan (role "test": the /v page warns that it
# is not genuine). Made once from the OS CSPRNG and kept with the state, so reprints verify.
key_file="$state/cert-signing-key"
if [ ! -s "$key_file" ]; then
  (umask 077 && printf 'DE02 test %s\n' "$(od -An -v -N32 -tx1 /dev/urandom | tr -d ' \n')" > "$key_file")
fi

wrangler dev --config edge/wrangler.toml --ip 127.0.0.1 --port "$port" --inspector-port 0 \
  --persist-to "$state" --log-level warn --var "CERT_SIGNING_KEY:$(cat "$key_file")" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT INT TERM
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do
  kill -0 $server 2>/dev/null || { echo "wrangler dev exited" >&2; exit 1; }
  sleep 0.5
done

# Two demo applications through the real API, once per fresh state.
if [ ! -f "$state/demo-applications.txt" ]; then
  tools/seed-applications.sh "http://127.0.0.1:$port" > "$state/demo-applications.txt"
fi

echo
echo "$accounts"
echo "Demo applications (registration codes):"
sed 's/^/  /' "$state/demo-applications.txt"
echo
echo "Rekam is running at http://127.0.0.1:$port/   (staff sign-in: /staf/masuk; Ctrl-C stops it; state stays in .state/dev)"
wait $server
