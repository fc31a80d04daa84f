"""Servers of the reliability tests' own, started and stopped by them.

A test that needs a fault never touches the machine's shared Redis or PostgreSQL: it starts
its own instance on a free port and stops only that.
"""

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.reliability.served import free_port


class OwnRedis:
    """A redis-server of the test's own, on a free port, that keeps nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError):
                if redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping():
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def postgres_binary(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if found:
        return str(found[-1])
    return shutil.which(name) or name


class OwnPostgres:
    """A PostgreSQL cluster of the test's own (initdb, pg_ctl), on a free port, trust auth.

    PostgreSQL refuses to run as root, so when the suite runs as root the cluster belongs
    to the `postgres` system user, as the machine's own cluster does.
    """

    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="reliability-pg-"))
        self.data = self.directory / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if _running_as_root() else []

    @property
    def url_base(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *command: str) -> None:
        subprocess.run(  # noqa: S603
            [*self.as_user, *command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=120,
        )

    def init(self) -> None:
        if self.as_user:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(postgres_binary("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")

    def pg_ctl(self, action: str, *extra: str) -> None:
        self._run(
            postgres_binary("pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}",
            "-l",
            str(self.directory / "server.log"),
            action,
            *extra,
        )

    def start(self) -> None:
        self.pg_ctl("start")

    def restart(self) -> None:
        self.pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.directory, ignore_errors=True)


def _running_as_root() -> bool:
    import os

    return os.geteuid() == 0
