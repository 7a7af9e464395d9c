#!/usr/bin/env bash
# Issue 12, row "gateway, authenticated GET, 16 connections": the gateway against nginx as a plain reverse proxy to
# the same backend (indicator-service), measured in the same run with the same load tool (wrk), rounds interleaved
# (gateway, nginx, gateway, nginx, ...) so the machine's load drifts over both alike. Prints requests/s and p99 of
# each round and the ratios gateway / nginx.
#
#   NMSDZ_PORT_OFFSET=5000 deploy/bench/gateway-vs-nginx.sh
#
# Needs a running suite (deploy/local/nmsdz start with the same offset), Debian's nginx (nginx-light) and wrk
# (apt-get install nginx-light wrk). The gateway's per-client rate limit (50/s) must be off for the run:
#   NMSDZ_GATEWAY_RATE_LIMIT_ENABLED=false NMSDZ_PORT_OFFSET=... deploy/local/nmsdz restart gateway
# Beside each rate it prints the CPU time per request of the proxy (gateway JVM or nginx's processes) and of the backend
# (from /proc/PID/stat), which the other agents' load on the machine distorts far less than the rates.
# Environment: NMSDZ_HOME [.nmsdz], CONNECTIONS [16], THREADS [2], SECONDS_PER_ROUND [15], ROUNDS [3], URL_PATH [/api/v1/regions/140829],
# USERNAME [sx-province], NGINX_PORT [8070 + offset].
set -euo pipefail

OFFSET=${NMSDZ_PORT_OFFSET:-0}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-15}
ROUNDS=${ROUNDS:-3}
URL_PATH=${URL_PATH:-/api/v1/regions/140829}
USERNAME=${USERNAME:-sx-province}
NGINX_PORT=${NGINX_PORT:-$((8070 + OFFSET))}
GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
BACKEND="127.0.0.1:$((8081 + OFFSET))"
KEYCLOAK="http://127.0.0.1:$((8180 + OFFSET))"
HOME_DIR=${NMSDZ_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.nmsdz}
GATEWAY_PID=$(cat "$HOME_DIR/run/gateway.pid")
BACKEND_PID=$(cat "$HOME_DIR/run/indicator-service.pid")

command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk: apt-get install nginx-light wrk" >&2; exit 2; }

token() {
  curl -sf -d grant_type=password -d client_id=nmsdz-cli -d "username=$USERNAME" -d password=demo \
    "$KEYCLOAK/realms/nmsdz/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

work=$(mktemp -d)
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# nginx as a plain reverse proxy, set up as one would for production: keep-alive to the backend, no buffering to
# disk, one worker per core
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream backend { server $BACKEND; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done

TOKEN=$(token)
for target in "$GATEWAY" "http://127.0.0.1:$NGINX_PORT"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$target$URL_PATH")
  [ "$code" = 200 ] || { echo "GET $target$URL_PATH answered $code, not 200 (rate limit on? see the header)" >&2; exit 1; }
done

# CPU ticks (user + system) of some processes
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

# one wrk round against $1, the proxy's pids in $2: "requests/s p99_ms non2xx proxy_cpu_ms_per_request backend_cpu_ms"
round() {
  local out p0 b0 p1 b1
  p0=$(ticks $2); b0=$(ticks "$BACKEND_PID")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" --latency -H "Authorization: Bearer $TOKEN" "$1$URL_PATH")
  p1=$(ticks $2); b1=$(ticks "$BACKEND_PID")
  python3 - "$out" "$((p1 - p0))" "$((b1 - b0))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
out, proxy, backend, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
n = int(re.search(r"(\d+) requests in", out).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
print(f"{rps:.0f} {p99:.2f} {bad.group(1) if bad else 0} {1000 * proxy / hz / n:.3f} {1000 * backend / hz / n:.3f}")
PY
}

echo "gateway vs nginx: GET $URL_PATH as $USERNAME, $CONNECTIONS connections, $THREADS wrk threads, ${SECONDS_PER_ROUND}s rounds"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm both (JIT of a freshly started gateway and backend, pools): WARMUP_SECONDS [20] each
wrk -t1 -c4 -d"${WARMUP_SECONDS:-20}s" -H "Authorization: Bearer $TOKEN" "$GATEWAY$URL_PATH" >/dev/null
wrk -t1 -c4 -d"${WARMUP_SECONDS:-20}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NGINX_PORT$URL_PATH" >/dev/null
NGINX_PIDS="$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"
printf '%-5s %9s %9s %8s %8s %11s %9s %8s %8s %6s %6s %5s\n' round gw_req/s gw_p99ms gw_cpu be_cpu nginx_req/s ng_p99ms \
  ng_cpu be_cpu ratio p99x load
for i in $(seq "$ROUNDS"); do
  read -r grps gp99 gbad gcpu gbe <<<"$(round "$GATEWAY" "$GATEWAY_PID")"
  read -r nrps np99 nbad ncpu nbe <<<"$(round "http://127.0.0.1:$NGINX_PORT" "$NGINX_PIDS")"
  if [ "$gbad" != 0 ] || [ "$nbad" != 0 ]; then echo "round $i: non-2xx answers (gateway $gbad, nginx $nbad)" >&2; fi
  printf '%-5s %9s %9s %8s %8s %11s %9s %8s %8s %6s %6s %5s\n' "$i" "$grps" "$gp99" "$gcpu" "$gbe" "$nrps" "$np99" "$ncpu" \
    "$nbe" "$(python3 -c "print(f'{$grps/$nrps:.2f}')")" "$(python3 -c "print(f'{$gp99/$np99:.2f}')")" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
echo "(cpu columns: CPU ms per request of the proxy and of the backend, indicator-service)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
