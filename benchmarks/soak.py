"""Soak: mixed traffic against gunicorn for ten minutes while another process keeps publishing.

Run with `make bench-soak` (or `benchmarks/soak.py --minutes 1` for a quick look). It builds a
throwaway site with the demo content (`load_demo --scale N`), serves it the way the README's
production command does (gunicorn, production settings, the embedded default: SQLite and the
shared file cache, no Redis, unless `--redis-url` is given), and drives it from 16 concurrent
clients: anonymous readers of pages and listings, searches, downloads and API reads, and
signed-in members (who never get the anonymous page cache). Meanwhile a separate process
publishes a new revision of a case study every few seconds, as an editor or cron would, so
every publish moves the public-content generation under the readers' feet.

It reports every error (any status other than 200, any refused or reset connection), latency
percentiles per kind of request, and the resident memory of each gunicorn worker sampled over
the run, and writes them to docs/performance.md between the "soak" markers.
"""

import argparse
import collections
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MARK_START = "<!-- soak:start -->"
MARK_END = "<!-- soak:end -->"
DEMO_PASSWORD = "localdigital-demo"  # home.demo: local demo accounts only

SEARCHES = (
    "housing repairs",
    "chatbot",
    "council tax",
    "waste collection",
    "social care",
    "open data",
    "planning",
    "cloud",
    "parking permits",
    "zzzz no such thing",
)

# Run in a separate process: publish a new revision of one case study every `interval` s.
PUBLISHER = """
import sys, time
from casestudies.models import CaseStudyPage
interval, until = float(sys.argv[1]), float(sys.argv[2])
page = CaseStudyPage.objects.live().exclude(slug__startswith="gen-").order_by("pk").first()
title = page.title
n = 0
while time.time() < until:
    n += 1
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = f"{title} (revision {n})"
    page.save_revision().publish()
    print(f"published {n}", flush=True)
    time.sleep(interval)
"""


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def shell(env, script: str):
    out = run(
        [PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


URLS_SCRIPT = """
import json
from casestudies.models import CaseStudyPage, ProcurementBriefPage, BusinessCasePage
from patterns.models import ServicePatternPage
from organisations.models import Organisation
from community.models import MemberProfile
details = []
for model in (CaseStudyPage, ProcurementBriefPage, BusinessCasePage, ServicePatternPage):
    details += [p.url for p in model.objects.live().public().order_by("?")[:40]]
organisations = [o.get_absolute_url() for o in
                 Organisation.objects.filter(published_pages__isnull=False).distinct()[:30]]
member = MemberProfile.objects.filter(verification_status="verified").select_related("user").first()
print(json.dumps({"details": details, "organisations": organisations,
                  "member": member.user.email if member else None}))
"""

LISTINGS = (
    "/",
    "/case-studies/",
    "/case-studies/?page=2",
    "/procurement-briefs/",
    "/business-cases/",
    "/service-patterns/",
    "/organisations/",
    "/tags/repairs/",
)
DOWNLOADS_AND_API = (
    "/case-studies/?format=json",
    "/case-studies/?format=csv",
    "/api/v2/pages/?limit=20",
    "/feeds/rss/all/",
)
MEMBER_PAGES = ("/members/profile/", "/members/contributions/", "/members/following/")


class Client:
    """One simulated user: a cookie jar of its own, requests timed end to end."""

    def __init__(self, base_url: str, results, lock):
        self.base_url = base_url
        self.results = results
        self.lock = lock
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, kind: str, path: str, data: bytes | None = None) -> str:
        started = time.perf_counter()
        body, status = "", 0
        try:
            with self.opener.open(self.base_url + path, data=data, timeout=30) as response:
                body, status = response.read().decode("utf-8", "replace"), response.status
                if "/accounts/login/" in response.geturl() and "/accounts/" not in path:
                    status = 401  # sent to sign in: the member's session was lost
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError as error:
            status = 0
            body = str(error)
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.results.append((time.monotonic(), kind, path, status, elapsed))
        return body

    def sign_in(self, email: str) -> None:
        form = self.get("sign in", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "login": email, "password": DEMO_PASSWORD}
        ).encode()
        answer = self.get("sign in", "/accounts/login/", data=data)
        if not any(cookie.name == "sessionid" for cookie in self.jar):
            raise RuntimeError(f"could not sign in as {email}: {self.results[-1]} {answer[:2000]}")


def drive(client: Client, urls: dict, stop: threading.Event, member: bool, seed: int) -> None:
    chooser = random.Random(seed)  # noqa: S311 - traffic mix, not security
    while not stop.is_set():
        roll = chooser.random()
        if member:
            if roll < 0.4:
                client.get("member: detail page", chooser.choice(urls["details"]))
            elif roll < 0.7:
                client.get("member: own pages", chooser.choice(MEMBER_PAGES))
            else:
                client.get("member: listing", chooser.choice(LISTINGS))
        elif roll < 0.35:
            client.get("anonymous: detail page", chooser.choice(urls["details"]))
        elif roll < 0.6:
            client.get(
                "anonymous: listing", chooser.choice(LISTINGS + tuple(urls["organisations"]))
            )
        elif roll < 0.85:
            query = urllib.parse.urlencode({"q": chooser.choice(SEARCHES)})
            client.get("anonymous: search", f"/search/?{query}")
        else:
            client.get("anonymous: download, API, feed", chooser.choice(DOWNLOADS_AND_API))


def worker_memory(master_pid: int) -> list[int]:
    """Resident memory (MB) of each gunicorn worker: the master's children."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        sizes.append(rss_kb // 1024)
    return sorted(sizes)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--members", type=int, default=4, help="of the clients, signed in")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--publish-every", type=float, default=5.0)
    parser.add_argument("--redis-url", default="", help="serve with Redis instead of files")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--no-write", action="store_true", help="Do not update docs/performance.md")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="ld-soak-"))
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        CACHE_DIR=str(workdir / "cache"),
        STATIC_ROOT=str(workdir / "static"),
        TASKS_BACKEND="immediate",
    )
    env.pop("REDIS_URL", None)
    dev_env = dict(env, DJANGO_SETTINGS_MODULE="localdigital.settings.dev")
    print(f"Building the site in {workdir} (demo content, --scale {args.scale}) ...", flush=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], dev_env)
    run(
        [PYTHON, "manage.py", "load_demo", "--scale", str(args.scale)],
        dev_env,
        stdout=subprocess.DEVNULL,
    )
    urls = shell(dev_env, URLS_SCRIPT)
    if not urls["member"]:
        sys.exit("the demo has no verified member to sign in as")

    serve_env = dict(
        env,
        DJANGO_SETTINGS_MODULE="localdigital.settings.production",
        SECRET_KEY="soak-benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",  # noqa: S105
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        # Plain HTTP on the loopback: the cookies cannot be Secure-only here.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
    )
    if args.redis_url:
        serve_env["REDIS_URL"] = args.redis_url
        serve_env["CACHE_KEY_PREFIX"] = f"soak-{os.getpid()}"
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], serve_env)
    port = args.port or free_port()
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
    server = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "localdigital.wsgi:application",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=serve_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        measure(args, urls, server, base_url, serve_env)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        log.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(args, urls, server, base_url, serve_env) -> None:
    for _ in range(150):
        if server.poll() is not None:
            break
        try:
            urllib.request.urlopen(base_url + "/robots.txt", timeout=5).read()  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    if server.poll() is not None:
        sys.exit("gunicorn did not start: see gunicorn.log in the site's directory")

    results: list = []
    lock = threading.Lock()
    stop = threading.Event()
    seconds = args.minutes * 60
    publisher = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-c",
            "import django; django.setup(); exec(open(0).read())",
            str(args.publish_every),
            str(time.time() + seconds),
        ],
        cwd=ROOT,
        env=dict(serve_env),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    publisher.stdin.write(PUBLISHER)
    publisher.stdin.close()

    threads = []
    for n in range(args.clients):
        client = Client(base_url, results, lock)
        member = n < args.members
        if member:
            client.sign_in(urls["member"])
        thread = threading.Thread(target=drive, args=(client, urls, stop, member, n), daemon=True)
        threads.append(thread)
    started = time.monotonic()
    for thread in threads:
        thread.start()
    memory: list[tuple[int, list[int]]] = []
    while time.monotonic() - started < seconds:
        memory.append((round(time.monotonic() - started), worker_memory(server.pid)))
        with lock:
            done = len(results)
        print(f"  {memory[-1][0]:4d} s: {done} requests, workers {memory[-1][1]} MB", flush=True)
        time.sleep(min(30, max(1, seconds - (time.monotonic() - started))))
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    elapsed = time.monotonic() - started
    memory.append((round(elapsed), worker_memory(server.pid)))
    publishes = publisher.stdout.read().count("published")
    publisher.wait(timeout=60)

    measured = [r for r in results if r[1] != "sign in"]
    errors = collections.Counter((r[2], r[3]) for r in measured if r[3] != 200)
    by_kind = collections.defaultdict(list)
    for _t, kind, _path, _status, ms in measured:
        by_kind[kind].append(ms)
    report = render(args, measured, errors, by_kind, memory, publishes, elapsed)
    print(report)
    if errors:
        print("Errors:", dict(errors.most_common(20)))
    if not args.no_write:
        write(report)
    sys.exit(1 if errors else 0)


def render(args, measured, errors, by_kind, memory, publishes, elapsed) -> str:
    engine = "Redis" if args.redis_url else "the embedded default (SQLite, file cache, no Redis)"
    lines = [
        f"Soak: {args.minutes:g} minutes, {args.clients} concurrent clients ({args.members} "
        f"signed in), gunicorn with {args.workers} workers on {engine}, demo content at "
        f"--scale {args.scale}; another process published a new revision every "
        f"{args.publish_every:g} s ({publishes} publishes). Measured by `make bench-soak`.",
        "",
        f"**{len(measured)} requests, {sum(errors.values())} errors**, "
        f"{len(measured) / elapsed:.0f} requests a second over the run.",
        "",
        "| Requests | Count | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(by_kind):
        values = by_kind[kind]
        lines.append(
            f"| {kind} | {len(values)} | {statistics.median(values):.0f} | "
            f"{percentile(values, 0.95):.0f} | {percentile(values, 0.99):.0f} | "
            f"{max(values):.0f} |"
        )
    every = [ms for values in by_kind.values() for ms in values]
    lines.append(
        f"| all | {len(every)} | {statistics.median(every):.0f} | "
        f"{percentile(every, 0.95):.0f} | {percentile(every, 0.99):.0f} | {max(every):.0f} |"
    )
    lines += ["", "Resident memory of each gunicorn worker (MB) over the run:", ""]
    lines += ["| Seconds | Workers (MB) |", "|---:|---|"]
    step = max(1, len(memory) // 8)
    samples = memory[::step]
    if samples[-1] is not memory[-1]:
        samples.append(memory[-1])
    for seconds, sizes in samples:
        lines.append(f"| {seconds} | {', '.join(str(s) for s in sizes)} |")
    return "\n".join(lines)


def write(report: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text()
    block = f"{MARK_START}\n{report}\n{MARK_END}"
    if MARK_START in text:
        text = re.sub(
            re.escape(MARK_START) + ".*?" + re.escape(MARK_END), lambda _m: block, text, flags=re.S
        )
    else:
        text = text.rstrip() + "\n\n## Soak\n\n" + block + "\n"
    path.write_text(text)
    print(f"Wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
