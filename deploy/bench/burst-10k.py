#!/usr/bin/env python3
"""Benchmark: a burst of 10,000 figures in one batch, from the submission to the last snapshot.

Submits N observations (default 10,000: the largest batch evidence-service takes) of one metric and
year for one region as the statistics bureau (data-provider: accepted on arrival), then measures

  * the time of the POST (validation, storage, outbox) and its response size,
  * the time until the region's latest snapshot for that year reads the last figure,
  * the time until no snapshot is pending any more (GET /api/v1/rescoring: pendingSnapshots = 0),
  * how many snapshots the burst made for each assessment year it affects (the year and the two after),
  * the resident memory (VmRSS) of evidence-service and scoring-service before and after.

Against a running development suite only (loopback). Bounded: one batch, then it waits at most
TIMEOUT seconds and stops. The figures stay in the suite as accepted observations of the region
(metric online_operators of a year no test uses), so run it on a development suite, not on real data.

Usage: deploy/bench/burst-10k.py
Environment (defaults in brackets):
  NMSDZ_HOME [/tmp/nmsdz-main]   where the launcher keeps run/<service>.pid
  GATEWAY    [http://127.0.0.1:8080]
  KEYCLOAK   [http://127.0.0.1:8180]
  REGION     [140829]            READER must read its scores
  READER     [pl-reviewer]       a user that reads the region's scores (password demo)
  YEAR       [2008]
  ROWS       [10000]
  TIMEOUT    [600]
"""
import json
import os
import sys
import time
import urllib.parse
import urllib.request

HOME = os.environ.get("NMSDZ_HOME", "/tmp/nmsdz-main")
GATEWAY = os.environ.get("GATEWAY", "http://127.0.0.1:8080")
KEYCLOAK = os.environ.get("KEYCLOAK", "http://127.0.0.1:8180")
REGION = os.environ.get("REGION", "140829")
READER = os.environ.get("READER", "pl-reviewer")
YEAR = int(os.environ.get("YEAR", "2008"))
ROWS = int(os.environ.get("ROWS", "10000"))
TIMEOUT = float(os.environ.get("TIMEOUT", "600"))


def token(form):
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def call(method, path, bearer, body=None):
    request = urllib.request.Request(GATEWAY + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as r:
            raw = r.read()
            return r.status, raw
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rss_mib(service):
    try:
        with open(f"{HOME}/run/{service}.pid") as f:
            pid = f.read().strip()
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return float("nan")
    return float("nan")


def snapshots(reader, year):
    status, raw = call("GET", f"/api/v1/regions/{REGION}/scores?year={year}", reader)
    if status != 200:
        sys.exit(f"burst-10k: scores of {REGION} {year}: {status} {raw[:200]!r}")
    return len(json.loads(raw))


def main():
    bureau = token({"grant_type": "client_credentials", "client_id": "stats-bureau",
                    "client_secret": "stats-bureau-secret"})
    reader = token({"grant_type": "password", "client_id": "nmsdz-cli", "username": READER, "password": "demo"})
    admin = token({"grant_type": "password", "client_id": "nmsdz-cli", "username": "admin", "password": "demo"})
    years = [YEAR, YEAR + 1, YEAR + 2]
    before = {y: snapshots(reader, y) for y in years}
    rss_before = {s: rss_mib(s) for s in ("evidence-service", "scoring-service")}
    rows = [{"metric": "online_operators", "year": YEAR, "value": 1000 + i, "source": f"burst-10k row {i}"}
            for i in range(ROWS)]

    started = time.monotonic()
    status, raw = call("POST", f"/api/v1/regions/{REGION}/observations", bureau, rows)
    posted = time.monotonic()
    if status != 201:
        sys.exit(f"burst-10k: POST gave {status}: {raw[:300]!r}")
    last = max(e["position"] for e in json.loads(raw))

    read_all = None
    drained = None
    while time.monotonic() - started < TIMEOUT and drained is None:
        if read_all is None:
            s, body = call("GET", f"/api/v1/regions/{REGION}/scores/latest?year={YEAR}", reader)
            if s == 200 and json.loads(body)["evidencePosition"] >= last:
                read_all = time.monotonic()
        if read_all is not None:
            s, body = call("GET", "/api/v1/rescoring", admin)
            if s == 200 and json.loads(body)["pendingSnapshots"] == 0:
                drained = time.monotonic()
        time.sleep(0.2)
    if drained is None:
        sys.exit(f"burst-10k: not settled within {TIMEOUT} s")

    made = {y: snapshots(reader, y) - before[y] for y in years}
    print(f"rows                          {ROWS} (one batch, metric online_operators, year {YEAR}, region {REGION})")
    print(f"POST (stored, 201)            {posted - started:8.2f} s   response {len(raw) / 1048576:.1f} MiB")
    print(f"latest snapshot reads all     {read_all - started:8.2f} s after the POST began")
    print(f"no snapshot pending           {drained - started:8.2f} s after the POST began")
    print("snapshots made               " + ", ".join(f"{y}: {made[y]}" for y in years)
          + f"   (one per change would be {ROWS} each)")
    for service, mib in rss_before.items():
        print(f"RSS {service:<17}     {mib:8.1f} MiB before, {rss_mib(service):8.1f} MiB after")


if __name__ == "__main__":
    main()
