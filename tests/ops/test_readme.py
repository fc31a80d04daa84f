"""The README's "What is where" matches the tree: what it names exists, and every top-level
folder of the repository has a row."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def what_is_where_rows() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## What is where") :]
    section = section[: section.index("\n## ", 1)]
    return [line for line in section.splitlines() if line.startswith("| `")]


def missing_paths(rows: list[str]) -> list[str]:
    """The folders and files the rows name that are not in the tree. A name in a row's
    description may be from the root (`docs/community.md`) or from the row's folder
    (`static_src/` in `localdigital/`); site addresses (`/healthz`) are not paths."""
    missing = []
    for row in rows:
        cells = row.split("|")
        folders = re.findall(r"`([^`]+)`", cells[1])
        missing += [folder for folder in folders if not (ROOT / folder).exists()]
        for name in re.findall(r"`(\w[\w./-]*(?:/|\.py|\.md))`", "|".join(cells[2:])):
            if not any((ROOT / base / name).exists() for base in ["", *folders]):
                missing.append(f"{name} (in the row for {', '.join(folders)})")
    return sorted(missing)


def test_every_path_the_readme_names_exists():
    assert missing_paths(what_is_where_rows()) == []


def test_every_top_level_folder_has_a_row():
    try:
        tracked = subprocess.run(  # noqa: S603 - a fixed command, no input from outside
            ["git", "ls-files"],  # noqa: S607 - git from PATH, as make and .ci/run use it
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,  # noqa: S607
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    folders = {path.split("/")[0] + "/" for path in tracked if "/" in path}
    first_cells = " ".join(row.split("|")[1] for row in what_is_where_rows())
    assert sorted(folder for folder in folders if f"`{folder}`" not in first_cells) == []
