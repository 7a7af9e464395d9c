#!/usr/bin/env python3
"""Benchmark: callers that hang up beside callers that wait (BENCHMARKS §20).

  abort   THREADS threads, each in a loop: open a connection to the gateway, send an authenticated GET, wait 0-4 ms,
          close with a reset (SO_LINGER 0) before the answer; prints how many connections it made
  good    THREADS keep-alive callers, each a GET every 50 ms; prints their statuses and latency p50 / p99 / max

Run both at once, in two processes (the GIL would otherwise make the waiting callers wait for the flood's threads):
  NMSDZ_PORT_OFFSET=1000 deploy/bench/abort-flood.py abort & NMSDZ_PORT_OFFSET=1000 deploy/bench/abort-flood.py good
Watch the gateway meanwhile (its fds, heap, nmsdz_gateway_backend_busy_total on its management port). The flood
carries one user's token (ABORTER), the waiting callers another's (READER): with the gateway's rate limit on, the
flood meets its own bucket. Environment: NMSDZ_PORT_OFFSET [0], SECONDS [20], THREADS [8 abort, 4 good],
PATH_ [/api/v1/regions/140829], ABORTER [sx-reader], READER [pl-reviewer]. Run it on a development suite only.
"""
import http.client
import json
import os
import random
import socket
import struct
import sys
import threading
import time
import urllib.parse
import urllib.request

OFFSET = int(os.environ.get("NMSDZ_PORT_OFFSET", "0"))
GATEWAY = 8080 + OFFSET
KEYCLOAK = 8180 + OFFSET
SECONDS = float(os.environ.get("SECONDS", "20"))
PATH = os.environ.get("PATH_", "/api/v1/regions/140829")


def token(user):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "nmsdz-cli", "username": user,
                                   "password": "demo"}).encode()
    url = f"http://127.0.0.1:{KEYCLOAK}/realms/nmsdz/protocol/openid-connect/token"
    with urllib.request.urlopen(url, form) as r:
        return json.load(r)["access_token"]


def run(threads, work):
    ts = [threading.Thread(target=work) for _ in range(threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]


def abort(threads):
    head = (f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            f"{token(os.environ.get('ABORTER', 'sx-reader'))}\r\n\r\n").encode()
    stop = time.monotonic() + SECONDS
    counts = {"connections": 0, "refused": 0}
    lock = threading.Lock()

    def loop():
        while time.monotonic() < stop:
            try:
                s = socket.create_connection(("127.0.0.1", GATEWAY))
            except OSError:
                with lock:
                    counts["refused"] += 1
                time.sleep(0.01)
                continue
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = reset
            try:
                s.sendall(head)
                time.sleep(random.uniform(0, 0.004))
            finally:
                s.close()
            with lock:
                counts["connections"] += 1

    run(threads, loop)
    print(json.dumps({"aborted": counts["connections"], "per_s": round(counts["connections"] / SECONDS),
                      "connect_refused": counts["refused"]}))


def good(threads):
    bearer = token(os.environ.get("READER", "pl-reviewer"))
    stop = time.monotonic() + SECONDS
    statuses, latencies = {}, []
    lock = threading.Lock()

    def loop():
        c = http.client.HTTPConnection("127.0.0.1", GATEWAY, timeout=60)
        while time.monotonic() < stop:
            started = time.monotonic()
            try:
                c.request("GET", PATH, headers={"Authorization": "Bearer " + bearer})
                r = c.getresponse()
                r.read()
                outcome = r.status
            except (OSError, http.client.HTTPException) as e:
                outcome = type(e).__name__
                c = http.client.HTTPConnection("127.0.0.1", GATEWAY, timeout=60)
            with lock:
                statuses[outcome] = statuses.get(outcome, 0) + 1
                latencies.append(time.monotonic() - started)
            time.sleep(0.05)

    run(threads, loop)
    latencies.sort()
    ms = lambda q: round(latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000, 1)
    print(json.dumps({"statuses": {str(k): v for k, v in statuses.items()}, "p50_ms": ms(0.5), "p99_ms": ms(0.99),
                      "max_ms": round(latencies[-1] * 1000, 1) if latencies else None}))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode not in ("abort", "good"):
        sys.exit(__doc__)
    threads = int(os.environ.get("THREADS", "8" if mode == "abort" else "4"))
    (abort if mode == "abort" else good)(threads)
