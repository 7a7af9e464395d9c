#!/usr/bin/env bash
# Benchmark: the rate of single-figure POSTs and the CPU each one costs in each process (issue 12's "single" row, its
# POST half). wrk (keep-alive connections, a C client: the load generator itself costs little) POSTs one figure of
# online_operators per request, as the statistics bureau (data-provider: ACCEPTED at once), for SECONDS, either
# through the gateway or straight to evidence-service; before and after, the CPU time (utime + stime, /proc) of
# evidence-service, the gateway, scoring-service, PostgreSQL (postmaster, its backends and the ones that exited) and
# Kafka, divided by the requests: milliseconds of CPU per POST, which the machine's load distorts less than the rate.
#
#   NMSDZ_HOME=$PWD/.nmsdz-dev NMSDZ_PORT_OFFSET=3000 deploy/bench/post-rate.sh gateway|evidence [SECONDS 20] [CONNECTIONS 16]
#
# Environment: YEAR (2024; at most the current year: figures of a later one are refused), REGION (140829).
# Run it on a development suite only (the figures stay); a JVM just started spends minutes compiling (C1/C2) its hot
# path: run it a few times and read the last runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${NMSDZ_HOME:-$ROOT/.nmsdz}"
OFFSET="${NMSDZ_PORT_OFFSET:-0}"
TARGET="${1:?gateway or evidence}"
SECONDS_="${2:-20}"
CONNECTIONS="${3:-16}"
case "$TARGET" in
  gateway) PORT=$((8080 + OFFSET)) ;;
  evidence) PORT=$((8082 + OFFSET)) ;;
  *) echo "post-rate: gateway or evidence, not $TARGET" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "post-rate: needs wrk (apt-get install wrk)" >&2; exit 1; }

TOKEN="$(curl -sf -d grant_type=client_credentials -d client_id=stats-bureau -d client_secret=stats-bureau-secret \
  "http://127.0.0.1:$((8180 + OFFSET))/realms/nmsdz/protocol/openid-connect/token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
SCRIPT="$(mktemp --suffix=.lua)"
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<'EOF'
local token, year, region = os.getenv("TOKEN"), os.getenv("YEAR") or "2024", os.getenv("REGION") or "140829"
local n = 0
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/regions/" .. region .. "/observations", nil,
    '{"metric":"online_operators","year":' .. year .. ',"value":' .. (1000 + n % 100000) ..
    ',"source":"post-rate bench ' .. n .. '"}')
end
local seen = {}
response = function(status, headers, body)
  if status ~= 201 and not seen[status] then
    seen[status] = true
    io.stderr:write("post-rate: a POST gave " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end
EOF

# CPU ticks of each process ("name=ticks" per line); PostgreSQL's backends come and go: its children's ticks plus the
# postmaster's cutime/cstime (the backends that exited)
snapshot() {
  local name pid
  for name in evidence-service gateway scoring-service postgres kafka; do
    pid="$(head -1 "$HOME_DIR/run/$name.pid")"
    if [ "$name" = postgres ]; then
      local ticks k
      ticks="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat")"
      for k in $(pgrep -P "$pid"); do
        ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$k/stat" 2>/dev/null || echo 0)))
      done
      echo "$name=$ticks"
    else
      echo "$name=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
    fi
  done
}
load() { cut -d' ' -f1 /proc/loadavg; }

echo "post-rate $(date -u '+%Y-%m-%d %H:%M:%S') UTC: $TARGET (port $PORT), $CONNECTIONS connections, ${SECONDS_} s, load $(load)"
before="$(snapshot)"
out="$(TOKEN="$TOKEN" YEAR="${YEAR:-2024}" REGION="${REGION:-140829}" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" \
  --latency -s "$SCRIPT" "http://127.0.0.1:$PORT")"
after="$(snapshot)"
n="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")"
grep -E "Requests/sec|Non-2xx|^ +(50|90|99)%" <<<"$out"
hz="$(getconf CLK_TCK)"
paste -d' ' <(tr '=' ' ' <<<"$before") <(tr '=' ' ' <<<"$after") |
  awk -v n="$n" -v hz="$hz" '{ ms = ($4 - $2) * 1000 / hz; printf "  %-17s %7.0f ms CPU  %6.2f ms per POST\n", $1, ms, ms / n }'
echo "load $(load) after"
