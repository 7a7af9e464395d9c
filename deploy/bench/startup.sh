#!/usr/bin/env bash
# Issue 12, rows "start, launch → ready" and "RSS": restarts each service of a running suite alone (the launcher's
# restart) and prints the time from the JVM's process start (/proc/PID/stat) to its first 200 on /q/health/ready
# (polled every 20 ms), Quarkus' own "started in" (and "stopped in" of the run it replaced), the CPU time the JVM used
# until then (all its threads, JIT and GC included: what the other processes on a shared machine change least) and the
# RSS at ready. NMSDZ_JAVA picks the services' java (the launcher's): with JDK 25 or later the launcher keeps an AOT
# cache per service build, recorded by the first run and written when that run's services stop, so run this twice and
# read the second (and build with 'mvn package -Paot' for JDK 25: README "Memory and start-up"); NMSDZ_JAVA_OPTS and
# JAVA_TOOL_OPTIONS add JVM options.
#
#   NMSDZ_HOME=$PWD/.nmsdz-dev NMSDZ_PORT_OFFSET=5000 deploy/bench/startup.sh [SERVICE ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OFFSET=${NMSDZ_PORT_OFFSET:-0}
HOME_DIR=${NMSDZ_HOME:-$ROOT/.nmsdz}
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(indicator-service evidence-service scoring-service gateway)

port() {
  case "$1" in
    indicator-service) echo $((8081 + OFFSET)) ;; evidence-service) echo $((8082 + OFFSET)) ;;
    scoring-service) echo $((8083 + OFFSET)) ;; web) echo $((8084 + OFFSET)) ;; gateway) echo $((9000 + OFFSET)) ;;
  esac
}
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }

echo "java: $("${NMSDZ_JAVA:-java}" -version 2>&1 | head -1); NMSDZ_JAVA_OPTS=${NMSDZ_JAVA_OPTS:-} JAVA_TOOL_OPTIONS=${JAVA_TOOL_OPTIONS:-}"
# the machine's speed, to compare runs on different machines: the CPU time of 10^7 additions in Python (0.59–0.62 s on
# the idle machine of BENCHMARKS §23, where the services started in 4.4–5.7 s)
if command -v python3 >/dev/null; then
  echo "one core: $(python3 -c 'import time
t = time.process_time(); s = 0
for i in range(10 ** 7): s += i
print(f"{time.process_time() - t:.2f}")') s for 10^7 additions in Python"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %14s %12s %14s %14s %18s\n' service launch→ready_s started_in CPU_to_ready_s RSS_ready_MiB stopped_in_before
for s in "${services[@]}"; do
  "$ROOT/deploy/local/nmsdz" stop "$s" >/dev/null
  "$ROOT/deploy/local/nmsdz" restart "$s" >/dev/null &
  restart=$!
  url="http://127.0.0.1:$(port "$s")/q/health/ready"
  pid=
  while [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; do
    sleep 0.02
    pid=$(cat "$HOME_DIR/run/$s.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && ! [ -d "/proc/$pid" ]; then pid=; fi
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do sleep 0.02; done
  ready=$(uptime_s)
  ticks=$(getconf CLK_TCK)
  started=$(awk -v t="$ticks" '{print $22 / t}' "/proc/$pid/stat")
  cpu=$(awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$pid/stat")
  rss=$(rss_mib "$pid")
  wait "$restart"
  quarkus=$(grep -o 'started in [0-9.]*s' "$HOME_DIR/logs/$s.log" | tail -1 | grep -o '[0-9.]*s$')
  # Quarkus' own "stopped in" of the run stopped above (the restart kept its log as .log.1; the gateway logs none)
  stopped=$(grep -o 'stopped in [0-9.]*s' "$HOME_DIR/logs/$s.log.1" 2>/dev/null | tail -1 | grep -o '[0-9.]*s$' || true)
  printf '%-18s %14.2f %12s %14.2f %14s %18s\n' "$s" "$(echo "$ready - $started" | bc)" "$quarkus" "$cpu" "$rss" \
    "${stopped:--}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
