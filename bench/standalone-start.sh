#!/usr/bin/env bash
# Prints how long standalone mode takes from `node dist/apps/standalone/src/main.js` to the first
# answer on GET /v1: on an empty data folder (creates and migrates the embedded database) and on
# a restart over the same folder. Compiles first. Usage: bash bench/standalone-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${SLIPWAY_BENCH_PORT:-16385}
npm run --silent compile >/dev/null

wait_ms() { # start a server on $1 (data dir), print ms until /v1 answers, leave it running
  local start end
  start=$(date +%s%N)
  SLIPWAY_DATA_DIR="$1" SLIPWAY_API_PORT=$port SLIPWAY_LOG_LEVEL=warn node dist/apps/standalone/src/main.js >/dev/null 2>&1 &
  echo $! > "$1.pid"
  until curl -sf "http://127.0.0.1:$port/v1" >/dev/null; do sleep 0.02; done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
stop() { kill -TERM "$(cat "$1.pid")"; wait "$(cat "$1.pid")" 2>/dev/null || true; }

for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  first=$(wait_ms "$dir/data"); stop "$dir/data"
  again=$(wait_ms "$dir/data"); rss=$(ps -o rss= -p "$(cat "$dir/data.pid")"); stop "$dir/data"
  printf 'run %d: first start %5d ms, restart %5d ms, RSS after restart %d MiB\n' "$i" "$first" "$again" $((rss / 1024))
  rm -rf "$dir"
done
