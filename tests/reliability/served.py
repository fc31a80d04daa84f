"""A real deployment for the reliability tests: its own database, gunicorn workers, commands.

The suite's own database lives inside the test process (SQLite in memory, or a PostgreSQL
test database in a transaction), which no other process can see. These helpers copy the
migrated test database into one that other processes can open, start gunicorn on it with
the production settings, and run management commands and scripts as cron or an operator
would, so a test sees exactly what several processes sharing one site see.
"""

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SECRET = "reliability-tests-only-" + "q8Zt" * 12
# Variables of the developer's or CI's own environment that must not reach a served site.
SCRUBBED = {"DATABASE_URL", "REDIS_URL", "SEARCH_URL", "PAGE_CACHE_SECONDS", "EMAIL_HOST"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_admin(settings_dict):
    import psycopg

    return psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"] or "postgres",
        dbname="postgres",
        autocommit=True,
    )


def _postgres_url(settings_dict, name: str) -> str:
    user = settings_dict["USER"] or "postgres"
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


class MigratedTemplate:
    """What migrations left in the test database, copied once, before any test transaction.

    Each test then gets a copy of its own in well under a second (a file copy on SQLite,
    CREATE DATABASE ... TEMPLATE on PostgreSQL) instead of half a minute of migrations.
    """

    def __init__(self, directory: Path):
        connection.ensure_connection()
        self.vendor = connection.vendor
        self.settings_dict = dict(connection.settings_dict)
        if self.vendor == "sqlite":
            self.path = directory / "migrated.sqlite3"
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()
            return
        self.name = f"reliability_template_{uuid.uuid4().hex[:10]}"
        connection.close()  # a template database must have no other session open
        with _postgres_admin(self.settings_dict) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.settings_dict["NAME"]}"')

    def copy(self, directory: Path) -> tuple[str, callable]:
        """A database URL of a fresh copy, and the function that drops it."""
        if self.vendor == "sqlite":
            path = directory / "site.sqlite3"
            shutil.copyfile(self.path, path)
            return f"sqlite:///{path}", lambda: None
        name = f"reliability_{uuid.uuid4().hex[:10]}"
        with _postgres_admin(self.settings_dict) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')

        def drop():
            with _postgres_admin(self.settings_dict) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return _postgres_url(self.settings_dict, name), drop

    def drop(self) -> None:
        if self.vendor != "sqlite":
            with _postgres_admin(self.settings_dict) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@dataclass
class ServedSite:
    """The environment of one deployment: what gunicorn, cron and an operator's shell share."""

    directory: Path
    database_url: str
    extra_env: dict = field(default_factory=dict)

    def env(self, **overrides) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "localdigital.settings.production",
                "SECRET_KEY": SECRET,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SITE_URL": "http://127.0.0.1",
                "SECURE_SSL_REDIRECT": "0",
                "SESSION_COOKIE_SECURE": "0",
                "CSRF_COOKIE_SECURE": "0",
                "DATABASE_URL": self.database_url,
                "STATIC_ROOT": str(self.directory / "static"),
                "MEDIA_ROOT": str(self.directory / "media"),
                "CACHE_DIR": str(self.directory / "cache"),
                "PYTHONPATH": str(ROOT),
            }
        )
        env.update(self.extra_env)
        env.update(overrides)
        return env

    def python(self, code: str, timeout: int = 120) -> str:
        """Run `code` in a new process with Django set up, as `manage.py shell -c` would."""
        script = "import django\ndjango.setup()\n" + code
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr[-4000:]
        return result.stdout

    def manage(self, *args: str, timeout: int = 300, env: dict | None = None) -> str:
        result = self.manage_result(*args, timeout=timeout, env=env)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
        return result.stdout

    def manage_result(
        self, *args: str, timeout: int = 300, env: dict | None = None
    ) -> subprocess.CompletedProcess:
        """A management command's exit code and output, for a test that expects it to fail."""
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**(env or {})),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    @contextlib.contextmanager
    def gunicorn(self, workers: int = 3, **env_overrides):
        """gunicorn serving the site, as the README's production command does; yields its URL."""
        port = free_port()
        log = open(self.directory / f"gunicorn-{port}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "localdigital.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env(**env_overrides),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(url, process, self.directory / f"gunicorn-{port}.log")
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def wait_until_serving(url: str, process, log_path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited:\n" + log_path.read_text()[-4000:])
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=5).read()  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # serving, if not well (a test of a fault may want exactly that)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer:\n" + log_path.read_text()[-4000:])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def fetch(url: str, timeout: float = 30) -> tuple[int, dict, str]:
    """(status, headers, body) of an anonymous GET on a new connection, redirects not followed."""
    request = urllib.request.Request(url, headers={"Connection": "close"})  # noqa: S310
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")
