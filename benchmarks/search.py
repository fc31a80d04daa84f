"""Search latency against the raw engine query, at 10,000 and 100,000 pages, SQLite and PostgreSQL.

Run with `make bench-search` (or `python benchmarks/search.py --sizes 10000` for a quick run).
For each engine and size it builds a throwaway database with `load_demo --scale N` (a SQLite
file under /tmp, a PostgreSQL database named localdigital_bench_<N>), times a full
`rebuild_index()` (indexing throughput), then runs a fixed mix of queries through the search
service and, in the same run and interleaved, through the raw engine query for the same
request: an FTS5 MATCH ordered by bm25() with LIMIT, or a PostgreSQL @@ ordered by ts_rank
with LIMIT (same filters, same offset). It prints p50/p95 per query class and the ratio
service/raw, and writes the figures to docs/performance.md between the "search" markers.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on sys.path and "search" would be this
# file; the project's search app must win.
sys.path = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
sys.modules.pop("search", None)
PYTHON = sys.executable
MARK_START = "<!-- search:start -->"
MARK_END = "<!-- search:end -->"
SQLITE_DIR = Path(os.environ.get("BENCH_SQLITE_DIR", "/tmp"))  # noqa: S108 - throwaway files
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
# Databases are named <prefix>_<N>; set BENCH_PG_PREFIX so parallel runs never share one.
PG_PREFIX = os.environ.get("BENCH_PG_PREFIX", "localdigital_bench")


def database_url(engine: str, size: int) -> str:
    if engine == "sqlite":
        return f"sqlite:///{SQLITE_DIR / f'localdigital_bench_search_{size}.sqlite3'}"
    return f"{PG_SERVER}/{PG_PREFIX}_{size}"


def build(engine: str, size: int, env: dict) -> float:
    if engine == "sqlite":
        path = SQLITE_DIR / f"localdigital_bench_search_{size}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    else:
        admin = f"{PG_SERVER}/postgres"
        name = f"{PG_PREFIX}_{size}"
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "load_demo", "--scale", str(size)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


# --- measuring (runs in a child process with DATABASE_URL set) ------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(repeat: int) -> dict:
    import django

    django.setup()
    from django.db import connection

    from organisations.models import Organisation
    from search import indexing, services
    from search.backends import EngineQuery, get_backend
    from search.backends.postgres import tsquery_sql
    from search.backends.sqlite import BM25, SqliteBackend
    from search.text import parse_query

    backend = get_backend()
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    documents = indexing.rebuild_index()
    index_seconds = time.perf_counter() - started

    # A rare word: the organisation whose name is on the fewest (but some) pages.
    rare = (
        Organisation.objects.filter(published_pages__live=True)
        .values("name")
        .annotate(n=django.db.models.Count("published_pages"))
        .filter(n__gte=3)
        .order_by("n", "name")
        .first()
    )
    rare_word = rare["name"].split()[0] if rare else "Rutland"
    mix = [
        ("common word", "council", {}, 1),
        ("rare word", rare_word, {}, 1),
        ("several words", "housing repairs online service", {}, 1),
        ("phrase", '"missed bin"', {}, 1),
        ("with facets", "waste", {}, 1),
        ("with filters", "housing", {"type": ("case-study",), "nation": ("England",)}, 1),
        ("deep page", "council", {}, 40),
    ]
    page_size = services.DEFAULT_PAGE_SIZE

    def raw(query_text, filters, page):
        terms = parse_query(query_text).terms
        engine_query = EngineQuery(terms=terms, filters=tuple(filters.items()))
        offset = (page - 1) * page_size
        with connection.cursor() as cursor:
            if isinstance(backend, SqliteBackend):
                where, params = backend.filter_sql("+search_fts.rowid", engine_query)
                cursor.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
                    + (f" AND {where}" if where else "")
                    + f" ORDER BY {BM25} LIMIT %s OFFSET %s",
                    [backend.match(engine_query), *params, page_size, offset],
                )
            else:
                tsquery, tsparams = tsquery_sql(engine_query)
                where, params = backend.filter_sql("d.page_id", engine_query)
                cursor.execute(
                    f"SELECT d.page_id FROM search_searchdocument d WHERE d.search_vector @@ {tsquery}"
                    + (f" AND {where}" if where else "")
                    + f" ORDER BY ts_rank(d.search_vector, {tsquery}) DESC LIMIT %s OFFSET %s",
                    [*tsparams, *params, *tsparams, page_size, offset],
                )
            return cursor.fetchall()

    def service(query_text, filters, page):
        return services.search_content(
            query=query_text,
            filters=services.SearchFilters(**filters),
            sort="relevance",
            page=page,
            page_size=page_size,
        )

    def autocomplete_raw(prefix):
        words = parse_query(prefix).words
        with connection.cursor() as cursor:
            if isinstance(backend, SqliteBackend):
                cursor.execute(
                    "SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s "
                    "ORDER BY bm25(search_title_fts) LIMIT 8",
                    [" AND ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])],
                )
            else:
                lexemes = " & ".join([*(f"'{w}'" for w in words[:-1]), f"'{words[-1]}':*"])
                cursor.execute(
                    "SELECT page_id FROM search_searchdocument, to_tsquery('simple', %s) q "
                    "WHERE title_vector @@ q ORDER BY ts_rank(title_vector, q) DESC LIMIT 8",
                    [lexemes],
                )
            return cursor.fetchall()

    rows = []
    cases = [
        (name, lambda q=q, f=f, p=p: service(q, f, p), lambda q=q, f=f, p=p: raw(q, f, p))
        for name, q, f, p in mix
    ]
    cases.append(
        (
            "autocomplete",
            lambda: services.suggest_titles("housing rep"),
            lambda: autocomplete_raw("housing rep"),
        )
    )
    for name, run_service, run_raw in cases:
        for _ in range(3):  # warm caches and the page cache of the database
            run_service()
            run_raw()
        service_times, raw_times = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            result = run_service()
            service_times.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            run_raw()
            raw_times.append((time.perf_counter() - started) * 1000)
        total = getattr(result, "total", len(result) if isinstance(result, list) else 0)
        rows.append(
            {
                "class": name,
                "matches": total,
                "service_p50": statistics.median(service_times),
                "service_p95": percentile(service_times, 0.95),
                "raw_p50": statistics.median(raw_times),
                "raw_p95": percentile(raw_times, 0.95),
            }
        )
    return {
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "backend": backend.name,
        "documents": documents,
        "index_seconds": index_seconds,
        "rows": rows,
    }


# --- reporting --------------------------------------------------------------------------------


def table(engine: str, size: int, build_seconds: float | None, result: dict) -> str:
    docs = result["documents"]
    rate = docs / result["index_seconds"] if result["index_seconds"] else 0
    lines = [
        f"#### {engine}, {size:,} generated pages ({docs:,} documents indexed)",
        "",
        f"Full `rebuild_index()`: {result['index_seconds']:.1f} s, **{rate:,.0f} pages/s**"
        + (
            f"; `load_demo --scale {size}` took {build_seconds:.0f} s in all."
            if build_seconds
            else "."
        ),
        "",
        "One-minute load average at the start and end of the measurement: "
        + " → ".join(f"{load:.1f}" for load in result.get("load", [])),
        "",
        "| query class | matches | service p50 | service p95 | raw p50 | raw p95 | p95 ratio | p95 < 50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for row in result["rows"]:
        ratio = row["service_p95"] / row["raw_p95"] if row["raw_p95"] else float("inf")
        lines.append(
            f"| {row['class']} | {row['matches']:,} | {row['service_p50']:.1f} ms | "
            f"{row['service_p95']:.1f} ms | {row['raw_p50']:.1f} ms | {row['raw_p95']:.1f} ms | "
            f"{ratio:.2f}× | {'yes' if row['service_p95'] < 50 else 'no'} |"
        )
    return "\n".join(lines) + "\n"


def write_docs(sections: list[str]) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text() if path.exists() else "# Measured performance\n"
    block = (
        f"{MARK_START}\n## Search\n\nMeasured by `benchmarks/search.py` on "
        f"{time.strftime('%Y-%m-%d')} ({os.cpu_count()} CPUs). Service = `search.services."
        'search_content` (docs/search.md, "How a search runs"); raw = the engine\'s own '
        "top-20 query for the same request. Times are wall-clock per request in one "
        "process.\n\n" + "\n".join(sections) + f"{MARK_END}"
    )
    if MARK_START in text and MARK_END in text:
        text = re.sub(
            re.escape(MARK_START) + r".*?" + re.escape(MARK_END), lambda _m: block, text, flags=re.S
        )
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="Reuse databases from a previous run")
    parser.add_argument("--no-docs", action="store_true", help="Do not write docs/performance.md")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.repeat)))
        return

    sections = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        for engine in [e for e in args.engines.split(",") if e]:
            env = {
                **os.environ,
                "DATABASE_URL": database_url(engine, size),
                "DJANGO_SETTINGS_MODULE": "localdigital.settings.test",
                "SEARCH_URL": "",
                "PYTHONPATH": str(ROOT),
            }
            build_seconds = None if args.reuse else build(engine, size, env)
            output = subprocess.run(
                [PYTHON, __file__, "--measure", "--repeat", str(args.repeat)],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(output.strip().splitlines()[-1])
            section = table(engine, size, build_seconds, result)
            print(section)
            sections.append(section)
    if not args.no_docs:
        write_docs(sections)


if __name__ == "__main__":
    main()
