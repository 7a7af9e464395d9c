#!/usr/bin/env python3
"""Callers that connect to the gateway and send nothing, or half a request head (BENCHMARKS §22, §23).

Opens one keep-alive connection first (as the ingress' pooled connections would be) and asks on it, then opens COUNT
connections that send nothing (HALF=1: half a request head each) and, while they are held, prints the gateway's open
files, whether the connection opened first is still answered, whether a new one is, the management port's readiness
and the gateway's connection meters; then closes them all and asks on a new connection once more.

    NMSDZ_HOME=$PWD/.nmsdz-bench PORT_OFFSET=1000 COUNT=19800 [HALF=1] deploy/bench/idle-flood.py

The process' own file limit must exceed COUNT ('ulimit -n'). Needs a running suite (deploy/local/nmsdz start).
"""
import os
import resource
import socket
import time
import urllib.request

OFFSET = int(os.environ.get("PORT_OFFSET", "0"))
GATEWAY = ("127.0.0.1", 8080 + OFFSET)
MANAGEMENT = f"http://127.0.0.1:{9000 + OFFSET}"
COUNT = int(os.environ.get("COUNT", "19800"))
HALF = os.environ.get("HALF") == "1"
HOME = os.environ.get("NMSDZ_HOME", ".nmsdz")
ASK = f"GET / HTTP/1.1\r\nHost: {GATEWAY[0]}:{GATEWAY[1]}\r\n\r\n".encode()


def gateway_files():
    pid = open(os.path.join(HOME, "run", "gateway.pid")).read().strip()
    return len(os.listdir(f"/proc/{pid}/fd"))


def ask(sock):
    """One request on sock: the status line, or what went wrong (the gateway answers / with a 302 and no body)."""
    try:
        sock.settimeout(5)
        sock.sendall(ASK)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return "closed by the gateway"
            data += chunk
        return data.split(b"\r\n")[0].decode()
    except socket.timeout:
        return "no answer in 5 s"
    except OSError as e:
        return f"error: {e.strerror or e}"


def ask_new():
    try:
        with socket.create_connection(GATEWAY, timeout=5) as s:
            return ask(s)
    except OSError as e:
        return f"error: {e.strerror or e}"


def ready():
    try:
        with urllib.request.urlopen(MANAGEMENT + "/q/health/ready", timeout=5) as r:
            return str(r.status)
    except Exception as e:  # noqa: BLE001 - printed
        return f"{type(e).__name__}: {e}"


def meters():
    try:
        with urllib.request.urlopen(MANAGEMENT + "/q/metrics", timeout=5) as r:
            lines = r.read().decode().splitlines()
        return {l.split()[0]: l.split()[1] for l in lines if l.startswith("vertx_http_connections")}
    except Exception as e:  # noqa: BLE001 - printed
        return {"error": f"{type(e).__name__}: {e}"}


resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)
print(f"gateway {GATEWAY[1]}, {COUNT} connections{' with half a head' if HALF else ' sending nothing'}")
print(f"before: gateway files {gateway_files()}, meters {meters()}")
pooled = socket.create_connection(GATEWAY, timeout=5)
print(f"the connection opened first: {ask(pooled)}")
held, refused = [], 0
started = time.time()
for i in range(COUNT):
    try:
        s = socket.create_connection(GATEWAY, timeout=5)
        if HALF:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        held.append(s)
    except OSError:
        refused += 1
print(f"opened {len(held)} in {time.time() - started:.1f} s ({refused} not opened)")
time.sleep(2)
closed = 0
for s in held:
    s.setblocking(False)
    try:
        if s.recv(1) == b"":
            closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
print(f"held: {len(held) - closed} kept by the gateway, {closed} closed by it")
print(f"gateway files {gateway_files()}, meters {meters()}, readiness {ready()}")
print(f"the connection opened first: {ask(pooled)}")
print(f"a new connection: {ask_new()}")
for s in held:
    s.close()
time.sleep(2)
print(f"after closing them: gateway files {gateway_files()}, a new connection: {ask_new()}, meters {meters()}")
