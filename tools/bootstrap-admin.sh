#!/usr/bin/env bash
#! Creates the first administrator account in the deployed (remote) D1 database. Asks for the
#! password without echoing it; the SQL (with only the argon2id hash) goes through a private
#! temporary file. Usage: tools/bootstrap-admin.sh USERNAME "DISPLAY NAME" [--local STATE_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Not tools/env.sh: that keeps wrangler local-only, and this talks to your Cloudflare account.
[ $# -ge 2 ] || { echo "usage: $0 USERNAME \"DISPLAY NAME\" [--local STATE_DIR]" >&2; exit 2; }
username="$1"; display_name="$2"; shift 2
target=(--remote)
if [ "${1:-}" = "--local" ]; then target=(--local --persist-to "$2"); fi

read -rsp "Password for $username (12+ characters): " password; echo
read -rsp "Repeat it: " again; echo
[ "$password" = "$again" ] || { echo "the two passwords differ" >&2; exit 1; }

sql="$(mktemp)"
trap 'rm -f "$sql"' EXIT
chmod 600 "$sql"
printf '%s\n' "$password" | cargo run --quiet --release -p tests --bin bootstrap-admin -- "$username" "$display_name" > "$sql"
npx wrangler d1 execute DB "${target[@]}" --config edge/wrangler.toml --file "$sql"
echo "Administrator $username created; sign in at /staf/masuk."
