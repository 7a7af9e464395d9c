#!/usr/bin/env python3
"""Benchmark: full rescoring after a catalogue publish at national scale (issue 12's table, row "full rescoring").

Against a running suite (loopback, real Keycloak tokens, through the gateway):
  setup    creates REGIONS counties (default 2,846, the number of county-level divisions in China) under 山西省 in
           cities 145000, 145100, ... (POST /regions/import, CSV), and gives each one figure (online_operators, YEAR)
           from the provincial statistics bureau, then waits until every snapshot they mark is stored;
  rescore  publishes the next version of the NMSDZ catalogue and measures from the publish's answer until the
           rescoring job of that version is finished (GET /api/v1/rescoring, polled every 100 ms): seconds,
           region-years and regions per second, the load average before and after.
The regions and figures stay in the suite: run it on a development suite only. A second run skips the setup when
the regions exist already.

Usage: NMSDZ_PORT_OFFSET=3000 deploy/bench/rescoring.py
Environment: NMSDZ_PORT_OFFSET [0], REGIONS [2846], YEAR [2025], THREADS [8], TIMEOUT [1800]
"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

OFFSET = int(os.environ.get("NMSDZ_PORT_OFFSET", "0"))
GATEWAY = f"http://127.0.0.1:{8080 + OFFSET}"
KEYCLOAK = f"http://127.0.0.1:{8180 + OFFSET}"
API = GATEWAY + "/api/v1"
REGIONS = int(os.environ.get("REGIONS", "2846"))
YEAR = int(os.environ.get("YEAR", "2025"))
THREADS = int(os.environ.get("THREADS", "8"))
TIMEOUT = float(os.environ.get("TIMEOUT", "1800"))
PER_CITY = 95


def token(form):
    with urllib.request.urlopen(KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token",
                                urllib.parse.urlencode(form).encode()) as r:
        return json.load(r)["access_token"]


def admin():
    return token({"grant_type": "password", "client_id": "nmsdz-cli", "username": "admin", "password": "demo"})


def bureau():
    return token({"grant_type": "client_credentials", "client_id": "stats-bureau-sx",
                  "client_secret": "stats-bureau-sx-secret"})


def call(method, url, bearer, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Bearer " + bearer)
    if data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def counties():
    codes = []
    for c in range((REGIONS + PER_CITY - 1) // PER_CITY):
        city = 1450 + c
        for n in range(1, PER_CITY + 1):
            if len(codes) < REGIONS:
                codes.append((f"{city}00", f"{city}{n:02d}"))
    return codes


def load():
    return open("/proc/loadavg").read().split()[0]


def settled(t):
    status, raw = call("GET", API + "/rescoring", t)
    return status == 200 and json.loads(raw)["pendingSnapshots"] == 0


def setup(codes):
    t = admin()
    status, _ = call("GET", f"{API}/regions/{codes[-1][1]}", t)
    if status == 200:
        print(f"setup: {len(codes)} counties exist already")
        return
    rows = ["code,name,level,parentCode,zone"]
    for city in sorted({c for c, _ in codes}):
        rows.append(f"{city},基准测试市{city},CITY,140000,CENTRAL")
    rows += [f"{county},基准测试县{county},COUNTY,{city},CENTRAL" for city, county in codes]
    status, raw = call("POST", API + "/regions/import", t, "\n".join(rows).encode(), "text/csv; charset=utf-8")
    if status not in (200, 201):
        sys.exit(f"rescoring: region import gave {status}: {raw[:300]!r}")
    b = bureau()
    todo = list(codes)
    lock = threading.Lock()
    started = time.monotonic()

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                _, county = todo.pop()
            body = {"metric": "online_operators", "year": YEAR, "value": 1000, "source": "rescoring bench"}
            deadline = time.monotonic() + 120
            while True:  # a county reaches evidence-service through catalogue.events: retry until it is known
                status, raw = call("POST", f"{API}/regions/{county}/observations", b, body)
                if status == 201:
                    break
                if time.monotonic() > deadline:
                    sys.exit(f"rescoring: figure for {county} gave {status}: {raw[:300]!r}")
                time.sleep(0.5)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(f"setup: {len(codes)} counties with a figure each in {time.monotonic() - started:.1f} s")
    while not settled(admin()):
        time.sleep(1)
    print(f"setup: every snapshot stored after {time.monotonic() - started:.1f} s")


def rescore():
    t = admin()
    while not settled(t):
        time.sleep(1)
    status, raw = call("GET", API + "/systems/NMSDZ", t)
    system = json.loads(raw)
    status, raw = call("GET", API + "/systems", t)
    nxt = max(s["version"] for s in json.loads(raw) if s["code"] == "NMSDZ") + 1
    system["version"] = nxt
    status, raw = call("POST", API + "/systems", t, system)
    if status != 201:
        sys.exit(f"rescoring: draft gave {status}: {raw[:300]!r}")
    before = load()
    status, raw = call("POST", f"{API}/systems/NMSDZ/publish?version={nxt}", t)
    started = time.monotonic()
    if status != 200:
        sys.exit(f"rescoring: publish gave {status}: {raw[:300]!r}")
    job = None
    while time.monotonic() - started < TIMEOUT:
        status, raw = call("GET", API + "/rescoring", t)
        latest = json.loads(raw)["latest"] if status == 200 else None
        if latest and latest["systemVersion"] == nxt and latest["finished"]:
            job = latest
            break
        time.sleep(0.1)
    took = time.monotonic() - started
    if job is None:
        sys.exit(f"rescoring: version {nxt} not rescored after {TIMEOUT:.0f} s")
    print(f"rescore: version {nxt}: {job['total']} region-years in {took:.1f} s "
          f"({job['total'] / took:.0f} region-years/s, {REGIONS / took:.0f} regions/s of the bench's {REGIONS}); "
          f"load average {before} before, {load()} after (goal: <= 10 s)")


def main():
    steps = sys.argv[1:] or ["setup", "rescore"]
    codes = counties()
    if "setup" in steps:
        setup(codes)
    if "rescore" in steps:
        rescore()


if __name__ == "__main__":
    main()
