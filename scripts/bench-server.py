#!/usr/bin/env python3
"""Front-desk server under load: 4 clients at once, each on its own kept-alive connection (as a
browser is), against a warm `handout serve` on this machine.

Usage: bench-server.py HANDOUT_BINARY CONTENT_DIR SLUG
Prints p50/p99 of a personalized PDF and of a personalized page preview, then the server's
resident memory after warm-up and after every 2,000 further requests up to 10,000.
"""
import http.client
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

handout, content, slug = sys.argv[1:4]
CLIENTS = 4
NAMES = ["Maria López", "John O'Brien", "Aiko Tanaka", "Ахмед Иванов", "Zoë Brontë", "Nguyễn Văn An", "مريم الحسن"]

server = subprocess.Popen([handout, "serve", "--port", "0", "--content", content],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = server.stdout.readline()
port = int(line.split("127.0.0.1:")[1].split("/")[0])


def form(i):
    return urllib.parse.urlencode({
        "patient_name": f"{NAMES[i % len(NAMES)]} {i}", "procedure_date": f"2026-12-{1 + i % 28:02d}",
        "arrival_time": f"{7 + i % 4}:{i * 5 % 60:02d}", "physician": "Dr. Ana Ruiz",
    })


def run(path, count, kind):
    """`count` requests from each of CLIENTS clients at once; every latency in ms."""
    latencies, errors = [], []
    lock = threading.Lock()

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        mine = []
        for i in range(count):
            body = form(n * count + i)
            start = time.perf_counter()
            if kind == "get":
                conn.request("GET", path)
            else:
                conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
            response = conn.getresponse()
            data = response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200 or len(data) < 100:
                errors.append(response.status)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"{len(errors)} failed requests to {path}: {errors[:5]}")
    return latencies


def rss_mb():
    with open(f"/proc/{server.pid}/status") as f:
        kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
    return kb / 1024


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


try:
    run(f"/handouts/{slug}/pdf", 50, "post")          # warm: fonts, caches, allocator
    run(f"/handouts/{slug}/preview", 20, "post")
    done = CLIENTS * 70
    pdf = run(f"/handouts/{slug}/pdf", 500, "post")
    done += len(pdf)
    print(f"server, personalized one-page PDF, {CLIENTS} clients kept-alive: p50 {percentile(pdf, 50):.1f} ms, "
          f"p99 {percentile(pdf, 99):.1f} ms (goal p50 <= 15, p99 <= 40; {len(pdf)} requests)")
    preview = run(f"/handouts/{slug}/preview", 150, "post")
    done += len(preview)
    print(f"server, personalized page preview (560 px PNG), {CLIENTS} clients: p50 {percentile(preview, 50):.1f} ms, "
          f"p99 {percentile(preview, 99):.1f} ms (goal p50 <= 30; {len(preview)} requests)")
    series = [(done, rss_mb())]
    while done < 10_000:
        run(f"/handouts/{slug}/pdf", 400, "post")
        run(f"/handouts/{slug}/preview", 80, "post")
        run(f"/handouts/{slug}/page-1.png?width=240", 20, "get")
        done += CLIENTS * 500
        series.append((done, rss_mb()))
    trail = ", ".join(f"{n}: {mb:.0f} MB" for n, mb in series)
    growth = series[-1][1] - series[1][1]
    print(f"server RSS by requests served: {trail} (goal <= 80 MB, not growing; "
          f"{growth:+.1f} MB over the last {series[-1][0] - series[1][0]} requests)")
finally:
    server.terminate()
    server.wait(10)
