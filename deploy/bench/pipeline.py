#!/usr/bin/env python3
"""Benchmark: the event-driven pipeline (issue 12's table), each row beside its floor measured in the same run.

Rows (all through the gateway, real Keycloak tokens, against a running suite; loopback only):
  light     one figure POSTed every 200 ms (LIGHT_N of them): POST -> the region-year's latest snapshot reads it
            (polled every 5 ms with If-None-Match), and POST -> its score.events record (a Kafka consumer, Floors.java)
  single    single-figure POSTs from SINGLE_THREADS threads for SINGLE_SECONDS: figures/s scored end to end
            (from the first POST until the latest snapshot reads the last figure and nothing is pending; the
            latest snapshot is polled every THROUGHPUT_POLL seconds, not 5 ms: each poll is a request through the
            gateway to scoring-service, and 200 of them a second took ~0.6 s of scoring-service's CPU out of a
            4 s run of the batches row)
  batches   BATCHES batches of 1,000 figures from 4 threads: figures/s scored end to end (polled likewise)
  relay     one batch of 10,000 figures: evidence-service's outbox drained (its nmsdz_outbox_pending_rows gauge)
Floors (deploy/bench/Floors.java, run with java from ~/.m2's kafka-clients, postgresql and slf4j-api jars):
  PostgreSQL single-row insert+commit (latency, sequential rate), Kafka produce->consume round trip (acks=all),
  Kafka batched idempotent acks=all send rate.
Prints every figure, the ratio to its floor, the load average before and after, and the share of each row's
time some task waited on I/O (/proc/pressure/io). Figures stay in the suite as
accepted observations (metric online_operators, year YEAR): run it on a development suite only.

Usage: NMSDZ_PORT_OFFSET=3000 deploy/bench/pipeline.py [light single batches relay floors]  (default: all)
Environment: NMSDZ_PORT_OFFSET [0], REGION [140829], READER [pl-reviewer], YEAR [2008, at most the current year],
             LIGHT_N [50], SINGLE_THREADS [16], SINGLE_SECONDS [20], BATCHES [10], THROUGHPUT_POLL [0.05],
             TIMEOUT [600]
"""
import glob
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

OFFSET = int(os.environ.get("NMSDZ_PORT_OFFSET", "0"))
GATEWAY = f"http://127.0.0.1:{8080 + OFFSET}"
KEYCLOAK = f"http://127.0.0.1:{8180 + OFFSET}"
EVIDENCE = f"http://127.0.0.1:{8082 + OFFSET}"
PG_PORT = 15432 + OFFSET
KAFKA_PORT = 19092 + OFFSET
REGION = os.environ.get("REGION", "140829")
READER = os.environ.get("READER", "pl-reviewer")
YEAR = int(os.environ.get("YEAR", "2008"))
LIGHT_N = int(os.environ.get("LIGHT_N", "50"))
SINGLE_THREADS = int(os.environ.get("SINGLE_THREADS", "16"))
SINGLE_SECONDS = float(os.environ.get("SINGLE_SECONDS", "20"))
BATCHES = int(os.environ.get("BATCHES", "10"))
TIMEOUT = float(os.environ.get("TIMEOUT", "600"))
THROUGHPUT_POLL = float(os.environ.get("THROUGHPUT_POLL", "0.05"))
HERE = os.path.dirname(os.path.abspath(__file__))
M2 = os.path.expanduser("~/.m2/repository")


def token(form):
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


class Tokens:
    """Tokens renewed (by one thread at a time) before they expire: the runs outlast a token's 5 minutes."""

    def __init__(self):
        self.lock = threading.Lock()
        self.at = 0
        self.renew()

    def renew(self):
        self.bureau = token({"grant_type": "client_credentials", "client_id": "stats-bureau",
                             "client_secret": "stats-bureau-secret"})
        self.reader = token({"grant_type": "password", "client_id": "nmsdz-cli", "username": READER, "password": "demo"})
        self.admin = token({"grant_type": "password", "client_id": "nmsdz-cli", "username": "admin", "password": "demo"})
        self.at = time.monotonic()

    def fresh(self):
        if time.monotonic() - self.at > 120:
            with self.lock:
                if time.monotonic() - self.at > 120:
                    self.renew()
        return self


def call(method, url, bearer=None, body=None, headers=None):
    h = {"Content-Type": "application/json"}
    if bearer:
        h["Authorization"] = "Bearer " + bearer
    h.update(headers or {})
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers=h)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


SEQ = [int(time.time() * 1000) % 10_000_000]
SEQ_LOCK = threading.Lock()


def figures(n):
    with SEQ_LOCK:
        start = SEQ[0]
        SEQ[0] += n
    return [{"metric": "online_operators", "year": YEAR, "value": 1000 + (start + i) % 100000,
             "source": f"pipeline bench {start + i}"} for i in range(n)]


def post(t, rows):
    status, raw, _ = call("POST", f"{GATEWAY}/api/v1/regions/{REGION}/observations", t.fresh().bureau,
                          rows if len(rows) > 1 else rows[0])
    if status != 201:
        sys.exit(f"pipeline: POST gave {status}: {raw[:300]!r}")
    body = json.loads(raw)
    return max(e["position"] for e in body) if isinstance(body, list) else body["position"]


def latest_position(t, etag=None):
    status, raw, headers = call("GET", f"{GATEWAY}/api/v1/regions/{REGION}/scores/latest?year={YEAR}", t.fresh().reader,
                                headers={"If-None-Match": etag} if etag else None)
    if status == 304:
        return None, etag
    if status == 404:
        return -1, None
    if status != 200:
        sys.exit(f"pipeline: latest gave {status}: {raw[:300]!r}")
    return json.loads(raw)["evidencePosition"], headers.get("ETag")


def pending(t):
    status, raw, _ = call("GET", f"{GATEWAY}/api/v1/rescoring", t.fresh().admin)
    return json.loads(raw)["pendingSnapshots"] if status == 200 else -1


def await_scored(t, position, started, poll=0.005):
    etag = None
    seen = -1
    while time.monotonic() - started < TIMEOUT:
        p, etag = latest_position(t, etag)
        if p is not None:
            seen = p
        if seen >= position:
            return time.monotonic()
        time.sleep(poll)
    sys.exit(f"pipeline: position {position} not scored within {TIMEOUT} s")


def await_settled(t, position, started):
    scored = await_scored(t, position, started, THROUGHPUT_POLL)
    while pending(t) != 0:
        time.sleep(0.05)
    return scored, time.monotonic()


def run_threads(n, work):
    """Runs work() on n threads and waits for them; the first failure (a refused POST) ends the whole run with its
    message (sys.exit inside a thread would only end that thread, silently)."""
    failures = []

    def guarded():
        try:
            work()
        except BaseException as e:  # SystemExit included: post() exits on a refused POST
            failures.append(e)

    threads = [threading.Thread(target=guarded) for _ in range(n)]
    [th.start() for th in threads]
    [th.join() for th in threads]
    if failures:
        e = failures[0]
        sys.exit(e.code if isinstance(e, SystemExit) else f"pipeline: a worker failed: {e!r}")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def classpath():
    jars = []
    for pattern in ("org/apache/kafka/kafka-clients/*/kafka-clients-*.jar", "org/postgresql/postgresql/*/postgresql-*.jar",
                    "org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar"):
        found = sorted(j for j in glob.glob(os.path.join(M2, pattern)) if "sources" not in j and "javadoc" not in j)
        if not found:
            sys.exit(f"pipeline: no {pattern} in ~/.m2 (build the project once)")
        jars.append(found[-1])
    return ":".join(jars)


def floors():
    out = subprocess.run(["java", "-cp", classpath(), os.path.join(HERE, "Floors.java"), str(PG_PORT), str(KAFKA_PORT)],
                         capture_output=True, text=True, timeout=600)
    values = {}
    for line in out.stdout.splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            values[k] = float(v)
    if not values:
        sys.exit("pipeline: Floors.java printed nothing: " + out.stderr[-2000:])
    return values


def light(t, floor):
    watch = subprocess.Popen(["java", "-cp", classpath(), os.path.join(HERE, "Floors.java"), "watch", str(KAFKA_PORT),
                              "score.events"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    records = []

    def read():
        for line in watch.stdout:
            if line.strip() == "ready":
                records.append(None)
                continue
            ts, value = line.split(" ", 1)
            try:
                data = json.loads(value)["data"]
            except (ValueError, KeyError):
                continue
            if data.get("region") == REGION and data.get("year") == YEAR:
                records.append((int(ts) / 1000.0, data["evidencePosition"]))

    threading.Thread(target=read, daemon=True).start()
    while not records:
        time.sleep(0.1)
    post(t, figures(1))  # warm-up
    time.sleep(2)
    snap, event = [], []
    posted = []
    for _ in range(LIGHT_N):
        wall = time.time()
        started = time.monotonic()
        position = post(t, figures(1))
        scored = await_scored(t, position, started)
        snap.append((scored - started) * 1000)
        posted.append((wall, position))
        rest = 0.2 - (time.monotonic() - started)
        if rest > 0:
            time.sleep(rest)
    time.sleep(3)
    watch.kill()
    for wall, position in posted:
        first = [ts for r in records if r for ts, p in [r] if p >= position]
        if first:
            event.append((min(first) - wall) * 1000)
    fl = floor.get("kafka.rtt.p50.ms", float("nan")) + 2 * floor.get("pg.commit.p50.ms", float("nan"))
    print(f"light   POST -> new snapshot      p50 {pct(snap, 50):8.1f} ms  p99 {pct(snap, 99):8.1f} ms"
          f"   floor {fl:.2f} ms  p99/floor {pct(snap, 99) / fl:8.1f}x (goal <= 3x)   n={len(snap)}")
    if event:
        print(f"light   POST -> score.events      p50 {pct(event, 50):8.1f} ms  p99 {pct(event, 99):8.1f} ms"
              f"   floor {fl:.2f} ms  p99/floor {pct(event, 99) / fl:8.1f}x (goal <= 4x)   n={len(event)}")


def single(t, floor):
    stop = time.monotonic() + SINGLE_SECONDS
    positions = []
    count = [0]
    lock = threading.Lock()

    def worker():
        while time.monotonic() < stop:
            p = post(t, figures(1))
            with lock:
                positions.append(p)
                count[0] += 1

    started = time.monotonic()
    run_threads(SINGLE_THREADS, worker)
    posted = time.monotonic()
    scored, settled = await_settled(t, max(positions), started)
    n = count[0]
    print(f"single  {n} single-figure POSTs ({SINGLE_THREADS} threads): POSTed {n / (posted - started):8.0f}/s,"
          f" scored end to end {n / (scored - started):8.0f} figures/s (settled {n / (settled - started):.0f}/s)"
          f"   floor PG {floor.get('pg.commits.per.s', float('nan')):.0f} commits/s (goal >= 1,000/s)")


def batches(t, floor):
    positions = []
    lock = threading.Lock()
    queue = list(range(BATCHES))

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                queue.pop()
            p = post(t, figures(1000))
            with lock:
                positions.append(p)

    started = time.monotonic()
    run_threads(4, worker)
    posted = time.monotonic()
    scored, settled = await_settled(t, max(positions), started)
    n = BATCHES * 1000
    print(f"batches {BATCHES} x 1,000 figures (4 threads): POSTed {n / (posted - started):8.0f}/s,"
          f" scored end to end {n / (scored - started):8.0f} figures/s (settled {n / (settled - started):.0f}/s)"
          f"   (goal >= 10,000/s)")


def outbox_pending():
    status, raw, _ = call("GET", EVIDENCE + "/q/metrics")
    for line in raw.decode().splitlines():
        if line.startswith("nmsdz_outbox_pending_rows"):
            return float(line.split()[-1])
    return -1


def relay(t, floor):
    while outbox_pending() > 0:
        time.sleep(0.1)
    since = int(time.time() * 1000) - 1000
    started = time.monotonic()
    status, raw, _ = call("POST", f"{GATEWAY}/api/v1/regions/{REGION}/observations", t.fresh().bureau, figures(10_000))
    posted = time.monotonic()
    # evidence-service's outbox says when each row was sent (a 504 from the gateway may still have committed)
    out = {}
    for _ in range(600):
        run = subprocess.run(["java", "-cp", classpath(), os.path.join(HERE, "Floors.java"), "relay", str(PG_PORT),
                              str(since)], capture_output=True, text=True, timeout=120)
        out = dict((k, float(v)) for k, v in (l.split("=", 1) for l in run.stdout.splitlines() if "=" in l))
        if out.get("relay.rows", 0) >= 10_000 and out["relay.sent"] == out["relay.rows"]:
            break
        time.sleep(1)
    span = out.get("relay.first-to-last-sent.s", float("nan"))
    # the first batch's rows share the first sent_at: they went out before the span began
    rate = out.get("relay.rows-after-first-sent", 0) / span if span else float("nan")
    naive = out.get("relay.rows", 0) / span if span else float("nan")
    kb = floor.get("kafka.batched.acks-all.per.s", float("nan"))
    print(f"relay   10,000 events of one POST ({status} after {posted - started:.2f} s): evidence outbox rows sent"
          f" within {span:.2f} s ({rate:8.0f} events/s after the first batch, rows/span {naive:.0f}/s; last sent {out.get('relay.created-to-last-sent.s', 0):.2f} s"
          f" after the transaction began)   floor Kafka batched acks=all {kb:.0f}/s  ratio {rate / kb:.2f}"
          f" (goal >= 10,000/s)")


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def io_stalled_us():
    """Microseconds some task waited on I/O since boot (Linux PSI), or None without /proc/pressure: a row run while
    the disk stalled (PostgreSQL's commits wait for the WAL's fsync) is not comparable with one that ran without."""
    try:
        with open("/proc/pressure/io") as f:
            return int(f.readline().split("total=")[1])
    except (OSError, IndexError, ValueError):
        return None


def main():
    rows = sys.argv[1:] or ["floors", "light", "single", "batches", "relay"]
    print(f"pipeline bench {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC, gateway {GATEWAY},"
          f" load average {load()}")
    t = Tokens()
    floor = floors() if "floors" in rows or len(rows) else {}
    print("floors  " + "  ".join(f"{k} {v:g}" for k, v in floor.items()))
    for name in ("light", "single", "batches", "relay"):
        if name in rows:
            began, stalled = time.monotonic(), io_stalled_us()
            globals()[name](t, floor)
            io = ""
            if stalled is not None:
                share = (io_stalled_us() - stalled) / 1e6 / (time.monotonic() - began)
                io = f", I/O stalled {100 * share:.0f} % of the row's time"
            print(f"        (load average {load()}{io})")


if __name__ == "__main__":
    main()
