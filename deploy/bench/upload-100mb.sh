#!/usr/bin/env bash
# Benchmark: one 100 MiB document upload through the gateway, and its download back.
#
# Measures the upload's wall time and throughput, and the resident memory (VmRSS) of the gateway
# and of evidence-service before, during (maximum of samples every 0.2 s) and after the transfer,
# then downloads the document through the gateway and checks its SHA-256 against the local file.
#
# Against a running development suite only (loopback). Bounded: one upload, one download, then it
# stops; the temporary files are removed on exit. The uploaded document stays in evidence-service
# as a SUBMITTED document of 永川区 (500118), indicator 24 (no observation, no score changes).
#
# Usage: deploy/bench/upload-100mb.sh
# Environment (defaults in brackets):
#   NMSDZ_HOME    [/tmp/nmsdz-try]         where the launcher keeps run/<service>.pid
#   GATEWAY       [http://127.0.0.1:8080]  base URL the upload and download go to
#   GATEWAY_PID   [run/gateway.pid]        pid whose RSS is sampled as "gateway" (e.g. a second instance)
#   KEYCLOAK      [http://127.0.0.1:8180]  realm nmsdz
#   BENCH_USER    [yc-market]              evidence-submitter of 500118, department 500118-market-supervision
#   REGION        [500118]
#   INDICATOR     [24]                     an indicator the user's department is named for (decomposition)
#   SIZE_MIB      [100]
#   INTERVAL      [0.2]                    RSS sampling interval, seconds
set -euo pipefail

NMSDZ_HOME=${NMSDZ_HOME:-/tmp/nmsdz-try}
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180}
BENCH_USER=${BENCH_USER:-yc-market}
REGION=${REGION:-500118}
INDICATOR=${INDICATOR:-24}
SIZE_MIB=${SIZE_MIB:-100}
INTERVAL=${INTERVAL:-0.2}

die() { echo "upload-100mb: $*" >&2; exit 1; }

for tool in curl sha256sum python3 awk; do
    command -v "$tool" >/dev/null || die "needs $tool"
done

pid_of() {
    local f="$NMSDZ_HOME/run/$1.pid" pid
    [[ -r $f ]] || die "no $f (is the development suite running?)"
    pid=$(<"$f")
    [[ -r /proc/$pid/status ]] || die "$1 (pid $pid from $f) is not running"
    echo "$pid"
}
if [[ -n ${GATEWAY_PID:-} ]]; then
    [[ -r /proc/$GATEWAY_PID/status ]] || die "GATEWAY_PID $GATEWAY_PID is not running"
    GW_PID=$GATEWAY_PID
else
    GW_PID=$(pid_of gateway)
fi
EV_PID=$(pid_of evidence-service)

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
now() { date +%s.%N; }

WORK=$(mktemp -d /tmp/nmsdz-bench-upload.XXXXXX)
SAMPLER=
cleanup() {
    if [[ -n $SAMPLER ]]; then kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# 1. The file: a PDF header, then random bytes (evidence-service detects application/pdf from "%PDF-").
FILE="$WORK/bench-${SIZE_MIB}mib.pdf"
BYTES=$((SIZE_MIB * 1024 * 1024))
{ printf '%%PDF-1.7\n'; head -c $((BYTES - 9)) /dev/urandom; } > "$FILE"
[[ $(stat -c %s "$FILE") -eq $BYTES ]] || die "could not create $BYTES bytes in $FILE"
SHA_LOCAL=$(sha256sum "$FILE" | awk '{print $1}')

# 2. A token (password grant of the console client), fetched again right before the download (tokens are short-lived).
token() {
    curl -sS --max-time 20 -d grant_type=password -d client_id=nmsdz-cli -d username="$BENCH_USER" \
        -d password=demo "$KEYCLOAK/realms/nmsdz/protocol/openid-connect/token" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
TOKEN=$(token) || die "no token for $BENCH_USER from $KEYCLOAK"

# 3. RSS sampler: "epoch-seconds gatewayKiB evidenceKiB" every INTERVAL seconds until killed.
SAMPLES="$WORK/rss.txt"
( while :; do
      echo "$(now) $(rss_kb "$GW_PID") $(rss_kb "$EV_PID")"
      sleep "$INTERVAL"
  done ) > "$SAMPLES" &
SAMPLER=$!

sleep 1
GW_BEFORE=$(rss_kb "$GW_PID"); EV_BEFORE=$(rss_kb "$EV_PID")

# 4. The upload (multipart: file, indicator), through the gateway.
T_UP0=$(now)
UP=$(curl -sS --max-time 600 -o "$WORK/upload.json" -w '%{http_code} %{time_total} %{size_upload}' \
    -H "Authorization: Bearer $TOKEN" -F "file=@$FILE;type=application/pdf" -F "indicator=$INDICATOR" \
    "$GATEWAY/api/v1/regions/$REGION/documents") || die "upload failed: curl exit $?"
T_UP1=$(now)
read -r UP_CODE UP_TIME UP_SIZE <<<"$UP"
if [[ $UP_CODE == 413 && ! -s $WORK/upload.json ]]; then
    die "413 with an empty body from $GATEWAY: the gateway's HTTP layer refused the request before proxying it
    (its quarkus.http.limits.max-body-size, Quarkus default 10240K, is below this body of about $BYTES bytes)"
fi
[[ $UP_CODE == 201 ]] || die "upload answered $UP_CODE: $(head -c 2000 "$WORK/upload.json")"
read -r DOC_ID SHA_SERVER MEDIA < <(python3 -c '
import json,sys; d=json.load(open(sys.argv[1])); print(d["id"], d["sha256"], d["mediaType"])' "$WORK/upload.json")

sleep 2
GW_AFTER=$(rss_kb "$GW_PID"); EV_AFTER=$(rss_kb "$EV_PID")

# 5. The download, through the gateway.
T_DN0=$(now)
DN=$(curl -sS --max-time 600 -o "$WORK/downloaded" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $(token)" "$GATEWAY/api/v1/documents/$DOC_ID/content") || die "download failed"
T_DN1=$(now)
read -r DN_CODE DN_TIME DN_SIZE <<<"$DN"
[[ $DN_CODE == 200 ]] || die "download answered $DN_CODE: $(head -c 2000 "$WORK/downloaded")"
SHA_DOWN=$(sha256sum "$WORK/downloaded" | awk '{print $1}')
sleep 1
GW_END=$(rss_kb "$GW_PID"); EV_END=$(rss_kb "$EV_PID")

kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=

# max RSS (KiB) of column $3 in the samples taken between $1 and $2
max_between() {
    awk -v a="$1" -v b="$2" -v c="$3" '$1 >= a && $1 <= b && $c > m {m = $c} END {print m + 0}' "$SAMPLES"
}
count_between() { awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b {n++} END {print n + 0}' "$SAMPLES"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f MiB", k / 1024}'; }
rate() { awk -v b="$1" -v t="$2" 'BEGIN {printf "%.1f MiB/s", b / 1048576 / t}'; }

GW_MAX_UP=$(max_between "$T_UP0" "$T_UP1" 2); EV_MAX_UP=$(max_between "$T_UP0" "$T_UP1" 3)
GW_MAX_DN=$(max_between "$T_DN0" "$T_DN1" 2); EV_MAX_DN=$(max_between "$T_DN0" "$T_DN1" 3)

echo "== upload ${SIZE_MIB} MiB to $GATEWAY ($(date -u +%FT%TZ), $(nproc) cores) =="
echo "pids              gateway $GW_PID, evidence-service $EV_PID"
echo "document          $DOC_ID ($MEDIA, $UP_SIZE bytes sent incl. multipart framing)"
echo "upload time       ${UP_TIME} s"
echo "upload throughput $(rate "$BYTES" "$UP_TIME")"
echo "RSS samples       $(count_between "$T_UP0" "$T_UP1") during upload, every ${INTERVAL} s"
printf '%-17s before %-12s max during upload %-12s after %s\n' "gateway RSS" "$(mib "$GW_BEFORE")" \
    "$(mib "$GW_MAX_UP")" "$(mib "$GW_AFTER")"
printf '%-17s before %-12s max during upload %-12s after %s\n' "evidence RSS" "$(mib "$EV_BEFORE")" \
    "$(mib "$EV_MAX_UP")" "$(mib "$EV_AFTER")"
echo "download time     ${DN_TIME} s ($(rate "$DN_SIZE" "$DN_TIME"))"
printf '%-17s max during download %-12s after %s\n' "gateway RSS" "$(mib "$GW_MAX_DN")" "$(mib "$GW_END")"
printf '%-17s max during download %-12s after %s\n' "evidence RSS" "$(mib "$EV_MAX_DN")" "$(mib "$EV_END")"
echo "sha256 local      $SHA_LOCAL"
echo "sha256 server     $SHA_SERVER"
echo "sha256 downloaded $SHA_DOWN"
if [[ $SHA_LOCAL == "$SHA_SERVER" && $SHA_LOCAL == "$SHA_DOWN" && $DN_SIZE -eq $BYTES ]]; then
    echo "integrity         OK (same $BYTES bytes back)"
else
    echo "integrity         MISMATCH" >&2
    exit 2
fi
