#!/usr/bin/env python3
"""Issue 12, row "provincial pull feed": snapshots per second pulled through the gateway in pages of 1,000, and
scoring-service's RSS while pulled (sampled every 50 ms), for each form of the feed; the floor in the same run is
PostgreSQL reading the same rows' bodies (psql to /dev/null, the bytes the feed has to move at least).

  NMSDZ_HOME=$PWD/.nmsdz-dev NMSDZ_PORT_OFFSET=5000 deploy/bench/feed.py

SEED=N first copies the latest snapshot of 平陆县 N times (SQL, bench data: each copy's body gets its own id and
number, the rest is the original's) so that pages of 1,000 exist. Environment: NMSDZ_PORT_OFFSET [0], NMSDZ_HOME [.nmsdz],
UNDER [140000], PAGES [3], SEED [0], AFTER [0] (the cursor to start from: snapshots stored since V20 carry their
summary form beside the body, older ones are served from their body; a second floor reads the summaries; since V21
body and summary are stored compressed by the service, and the floors read those bytes, as the feed does). SEED copies
the latest snapshot stored as text (before V21).
"""
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

OFFSET = int(os.environ.get("NMSDZ_PORT_OFFSET", "0"))
HOME = os.environ.get("NMSDZ_HOME", os.path.join(os.path.dirname(__file__), "..", "..", ".nmsdz"))
GATEWAY = f"http://127.0.0.1:{8080 + OFFSET}"
KEYCLOAK = f"http://127.0.0.1:{8180 + OFFSET}"
PG_PORT = 15432 + OFFSET
UNDER = os.environ.get("UNDER", "140000")
PAGES = int(os.environ.get("PAGES", "3"))
SEED = int(os.environ.get("SEED", "0"))
AFTER = int(os.environ.get("AFTER", "0"))


def psql(sql, out=subprocess.PIPE):
    binary = shutil.which("psql") or sys.exit("feed: needs psql (apt-get install postgresql-client)")
    return subprocess.run([binary, "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "postgres", "-qAt",
                           "-c", sql], env=dict(os.environ, PGPASSWORD="postgres"), stdout=out, text=True, check=True)


def floor_rate(column, what):
    """PostgreSQL handing the pages' rows of one column to psql (to /dev/null): rows per second."""
    start = time.monotonic()
    with open(os.devnull, "w") as null:
        psql(f"select {column} from scoring.snapshot where region like '14%' and id > {AFTER} order by id"
             f" limit {1000 * PAGES}", out=null)
    rate = 1000 * PAGES / (time.monotonic() - start)
    print(f"floor: psql reads {1000 * PAGES} {what} at {rate:,.0f} rows/s")
    return rate


def token():
    data = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "provincial-platform-sx",
                                   "client_secret": "provincial-platform-sx-secret"}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def rss_kib():
    pid = open(os.path.join(HOME, "run", "scoring-service.pid")).read().strip()
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


def pull(query, bearer):
    """PAGES pages of 1,000 from the start; (snapshots, bytes, seconds reading them, peak RSS MiB)."""
    peak, done = [rss_kib()], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kib())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    after, count, size = AFTER, 0, 0
    seconds = 0
    for _ in range(PAGES):
        # curl reads the chunked body at the network's speed (Python's http.client is the bottleneck at 100 MB/page)
        url = f"{GATEWAY}/api/v1/snapshots?under={UNDER}&limit=1000&after={after}{query}"
        t0 = time.monotonic()
        body = subprocess.run(["curl", "-sf", "-H", "Authorization: Bearer " + bearer, url], stdout=subprocess.PIPE,
                              check=True).stdout
        seconds += time.monotonic() - t0
        size += len(body)
        page = json.loads(body)
        count += len(page["snapshots"])
        after = page["next"]
        if not page["snapshots"]:
            break
    done.set()
    sampler.join()
    return count, size, seconds, peak[0] / 1024


def main():
    if SEED:
        psql(f"""insert into scoring.snapshot (region, year, number, system_code, system_version, evidence_position,
                 projection_seq, confirmed_total, projected_total, confirmed_passed, projected_passed, body, summary,
                 created_at)
                 select s.region, s.year, s.number + g, s.system_code, s.system_version, s.evidence_position,
                        s.projection_seq, s.confirmed_total, s.projected_total, s.confirmed_passed, s.projected_passed,
                        s.body, s.summary, now()
                 from (select * from scoring.snapshot where region = '140829' and body is not null
                       order by number desc limit 1) s,
                      generate_series(1, {SEED}) g""")
        # each copy names its own id and number in its body, as a stored snapshot does (the feed serves the body)
        psql(r"""update scoring.snapshot set body = regexp_replace(regexp_replace(body, '"id":\d+', '"id":' || id),
                 '"number":\d+', '"number":' || number) where body not like '{"id":' || id || ',%'""")
    total = psql("select count(*) from scoring.snapshot where region like '14%'").stdout.strip()
    print(f"feed under {UNDER}: {PAGES} pages of 1,000 ({total} snapshots in 山西); load average "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])}")
    bearer = token()
    pull("&lang=en", bearer)  # warm-up
    floor = floor_rate("coalesce(body_deflated, convert_to(body, 'UTF8'))", "bodies (compressed where so stored)")
    summary_floor = floor_rate("coalesce(summary_deflated, convert_to(coalesce(summary, body), 'UTF8'))",
                               "summaries (or bodies where none is stored)")
    print(f"{'form':24} {'snapshots/s':>12} {'MB/page':>8} {'RSS before':>10} {'RSS peak':>9} {'x floor':>8}")
    for name, query in (("full, lang=en (stored)", "&lang=en"), ("full, zh (rendered)", ""),
                        ("summary, zh", "&view=summary"), ("summary, en", "&view=summary&lang=en")):
        before = rss_kib() / 1024
        count, size, seconds, peak = pull(query, bearer)
        rate = count / seconds
        print(f"{name:24} {rate:12,.0f} {size / max(1, count) * 1000 / 1e6:8.1f} {before:9.0f}M {peak:8.0f}M "
              f"{rate / (summary_floor if 'summary' in name else floor):8.2f}")
    print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
