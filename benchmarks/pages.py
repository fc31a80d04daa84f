"""Page throughput at 10,000 pages: gunicorn (2 workers, production settings, SQLite) under wrk.

Run with `make bench-pages`. It builds a throwaway database with `load_demo --scale N`,
serves it with gunicorn twice (page cache off, then on with Redis, as production would run
it), measures requests per second for each page with wrk, and in the same run a static file
from the same gunicorn: the stack's ceiling on this machine. Each page's rate is printed as a
fraction of that ceiling; SQL query counts per page come from Django's test client on the
same database. Figures are written to docs/performance.md between the "pages" markers.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765
MARK_START = "<!-- pages:start -->"
MARK_END = "<!-- pages:end -->"


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def shell_json(script: str, env) -> object:
    """Run `script` in `manage.py shell` and read the JSON it prints last."""
    out = run([PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def build_database(env, scale: int) -> float:
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "load_demo", "--scale", str(scale)], env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def pick_urls(env) -> dict[str, str]:
    script = (
        "import json\n"
        "from casestudies.models import *\nfrom patterns.models import ServicePatternPage\n"
        "from organisations.models import Organisation\n"
        "urls={'home':'/','case study index':'/case-studies/','brief index':'/procurement-briefs/',"
        "'business case index':'/business-cases/','pattern index':'/service-patterns/',"
        "'organisation directory':'/organisations/','tag page':'/tags/repairs/'}\n"
        "for label, model in [('case study',CaseStudyPage),('brief',ProcurementBriefPage),"
        "('business case',BusinessCasePage),('pattern',ServicePatternPage)]:\n"
        "    urls[label]=model.objects.live().exclude(slug__startswith='gen-').first().url\n"
        "org=Organisation.objects.filter(published_pages__isnull=False).order_by('-population').first()\n"
        "urls['organisation page']=org.get_absolute_url()\n"
        # For reference: a page with a heading and a few paragraphs shows what the base
        # template and Wagtail's serving cost before any content work.
        "urls['plain page (reference)']='/accessibility/'\n"
        "print(json.dumps(urls))\n"
    )
    return shell_json(script, env)


def query_counts(env, urls: dict[str, str]) -> dict[str, int]:
    script = (
        "import json\nfrom django.test import Client\nfrom django.db import connection\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"urls=json.loads({json.dumps(urls)!r})\nc=Client()\nout={{}}\n"
        "for k,u in urls.items():\n"
        "    c.get(u)\n"
        "    with CaptureQueriesContext(connection) as q:\n"
        "        r=c.get(u)\n"
        "    out[k]=len(q.captured_queries) if r.status_code==200 else -r.status_code\n"
        "print(json.dumps(out))\n"
    )
    test_env = dict(
        env,
        DJANGO_SETTINGS_MODULE="localdigital.settings.dev",
        PAGE_CACHE_SECONDS="0",
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
    )
    return shell_json(script, test_env)


def static_url(env) -> str:
    manifest = Path(env["STATIC_ROOT_DIR"]) / "staticfiles.json"
    paths = json.loads(manifest.read_text())["paths"]
    name = paths.get("css/main.css") or next(iter(paths.values()))
    return f"/static/{name}"


def start_gunicorn(env, page_cache_seconds: int):
    server_env = dict(env, PAGE_CACHE_SECONDS=str(page_cache_seconds))
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "localdigital.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def stop(process) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def wrk(path: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "1",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise RuntimeError(f"{path}: {non_2xx.group(1)} error responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="Do not update docs/performance.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="ld-bench-pages-"))
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="localdigital.settings.production",
        SECRET_KEY="benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",  # noqa: S105
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT_DIR=str(ROOT / "static"),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        CACHE_KEY_PREFIX=f"bench-{os.getpid()}",
    )
    print(f"Building the corpus in {workdir} ...", flush=True)
    load_seconds = build_database(
        dict(env, DJANGO_SETTINGS_MODULE="localdigital.settings.dev"), args.scale
    )
    print(f"load_demo --scale {args.scale}: {load_seconds:.1f} s", flush=True)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    urls = pick_urls(env)
    queries = query_counts(env, urls)

    results = {}
    load_before = os.getloadavg()[0]
    for label, cache_seconds in [("uncached", 0), ("cached", 300)]:
        server = start_gunicorn(env, cache_seconds)
        try:
            # The static ceiling moves by up to 1.6x between runs of a few seconds on this
            # shared machine, so it is sampled before, halfway through and after the pages,
            # and each page is compared with the median.
            samples = [wrk(static_url(env), args.seconds, args.connections)]
            results[label] = {}
            for position, (name, path) in enumerate(urls.items()):
                if position == len(urls) // 2:
                    samples.append(wrk(static_url(env), args.seconds, args.connections))
                wrk(path, 1, 2)  # warm the page cache and the workers
                results[label][name] = wrk(path, args.seconds, args.connections)
                print(f"{label:9} {name:24} {results[label][name]:8.1f} req/s", flush=True)
            samples.append(wrk(static_url(env), args.seconds, args.connections))
            results[label]["ceiling"] = statistics.median(samples)
            results[label]["ceiling samples"] = samples
            print(f"{label:9} ceiling samples {', '.join(f'{x:.0f}' for x in samples)}")
        finally:
            stop(server)
    load_after = os.getloadavg()[0]

    report = render_report(args, load_seconds, urls, queries, results, (load_before, load_after))
    print(report)
    if not args.no_write:
        write_report(report)
    shutil.rmtree(workdir, ignore_errors=True)


def render_report(args, load_seconds, urls, queries, results, load_averages) -> str:
    samples = {
        label: ", ".join(f"{x:.0f}" for x in results[label]["ceiling samples"])
        for label in ("uncached", "cached")
    }
    lines = [
        MARK_START,
        f"## Pages (`make bench-pages`, {time.strftime('%Y-%m-%d')})",
        "",
        f"Corpus: `load_demo --scale {args.scale}` took **{load_seconds:.1f} s**. gunicorn, 2 sync "
        f"workers, production settings, SQLite; wrk, 1 thread, {args.connections} connections, "
        f"{args.seconds} s per URL, on the same 2-core machine (the load generator shares the CPU).",
        "Ceiling: a static file (whitenoise) from the same gunicorn, measured before, halfway "
        "through and after the pages; the median is used (samples: uncached run "
        f"{samples['uncached']}, cached run {samples['cached']} requests/s). "
        "Cached: anonymous page cache in Redis.",
        f"One-minute load average before and after: {load_averages[0]:.1f} → {load_averages[1]:.1f}.",
        "",
        "| page | SQL queries | uncached req/s | % of ceiling | cached req/s | % of ceiling |",
        "|---|---|---|---|---|---|",
    ]
    for name in urls:
        unc, cac = results["uncached"][name], results["cached"][name]
        lines.append(
            f"| {name} | {queries.get(name)} | {unc:.0f} | {unc / results['uncached']['ceiling']:.0%} "
            f"| {cac:.0f} | {cac / results['cached']['ceiling']:.0%} |"
        )
    lines.append(
        f"| *static file (ceiling)* | 0 | {results['uncached']['ceiling']:.0f} | 100% "
        f"| {results['cached']['ceiling']:.0f} | 100% |"
    )
    lines += [
        "",
        "Targets: uncached ≥ 15% of the ceiling, cached ≥ 60%, ≤ 15 queries per page.",
        MARK_END,
    ]
    return "\n".join(lines)


def write_report(report: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text() if path.exists() else "# Measured performance\n\n"
    if MARK_START in text:
        text = re.sub(re.escape(MARK_START) + ".*?" + re.escape(MARK_END), report, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + report + "\n"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)


if __name__ == "__main__":
    main()
