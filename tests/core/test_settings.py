"""Settings import with no environment; production refuses to start without its secrets."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(module: str, env_extra: dict, *args: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "SITE_URL",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": module, **env_extra})
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_development_settings_need_no_environment():
    result = _run("localdigital.settings.dev", {}, "check")
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = _run("localdigital.settings.production", {"ALLOWED_HOSTS": "example.org"}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run("localdigital.settings.production", {"SECRET_KEY": "x" * 60}, "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_site_url():
    """Its default, the development address, would be in every link the site emails."""
    result = _run(
        "localdigital.settings.production",
        {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"},
        "check",
    )
    assert result.returncode != 0
    assert "SITE_URL must be set in production" in result.stderr


def test_a_site_url_with_a_path_is_refused():
    result = _run("localdigital.settings.dev", {"SITE_URL": "https://example.org/local"}, "check")
    assert result.returncode != 0
    assert "SITE_URL must be the site's address with no path" in result.stderr


def test_the_deploy_check_warns_of_a_site_url_without_https():
    result = _run(
        "localdigital.settings.production",
        {
            "SECRET_KEY": "a-long-random-production-secret-key-" + "k7Qz" * 10,
            "ALLOWED_HOSTS": "example.org",
            "SITE_URL": "http://example.org",
        },
        "check",
        "--deploy",
    )
    assert "core.W002" in result.stderr + result.stdout


def test_production_passes_the_deploy_check():
    result = _run(
        "localdigital.settings.production",
        {
            "SECRET_KEY": "a-long-random-production-secret-key-" + "k7Qz" * 10,
            "ALLOWED_HOSTS": "example.org",
            "SITE_URL": "https://example.org",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_queues_background_work_in_the_database_unless_told_otherwise():
    """docs/background-work.md: db_worker runs production's tasks; TASKS_BACKEND can choose."""
    show = ("shell", "-c", "from django.conf import settings; print(settings.TASKS)")
    env = {
        "SECRET_KEY": "a-long-random-production-secret-key-" + "k7Qz" * 10,
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
    }
    default = _run("localdigital.settings.production", {**env, "TASKS_BACKEND": ""}, *show)
    assert "django_tasks_db.DatabaseBackend" in default.stdout, default.stderr
    chosen = _run("localdigital.settings.production", {**env, "TASKS_BACKEND": "immediate"}, *show)
    assert "django_tasks.backends.immediate.ImmediateBackend" in chosen.stdout, chosen.stderr
    unknown = _run("localdigital.settings.dev", {"TASKS_BACKEND": "celery"}, "check")
    assert unknown.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database" in unknown.stderr


def test_production_static_files_collect_into_a_complete_manifest(tmp_path):
    """collectstatic's manifest storage follows every url() and source map the front end's
    files name, and refuses a missing one: a deploy would stop there (a vendor script's map
    once did)."""
    built = ROOT / "localdigital" / "static"
    if not (built / "css" / "main.css").exists() or not (built / "vendor").exists():
        pytest.skip("the front end is not built (make test builds it first)")
    env = {
        "SECRET_KEY": "a-long-random-production-secret-key-" + "k7Qz" * 10,
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
        "STATIC_ROOT": str(tmp_path),
    }
    result = _run("localdigital.settings.production", env, "collectstatic", "--noinput", "-v0")
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ("css/main.css", "js/app.js", "vendor/accessible-autocomplete.min.js"):
        assert name in manifest, f"{name} was not collected"
