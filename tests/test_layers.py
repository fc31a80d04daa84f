"""The layers of docs/architecture.md hold: no module imports a layer above its own, and no
import cycle exists at any depth (the contracts in pyproject.toml, run by import-linter)."""

from pathlib import Path

from importlinter.cli import lint_imports

PROJECT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept(monkeypatch):
    monkeypatch.chdir(PROJECT)
    assert lint_imports(config_filename=str(PROJECT / "pyproject.toml"), no_cache=True) == 0
