"""The repository holds the project only: what a machine builds for itself stays out of it."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_virtual_environment_is_never_tracked():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing tracked to check")
    tracked = subprocess.run(
        ["git", "ls-files", "--", ".venv", "venv"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    # a link to a working copy's environment, checked out elsewhere, would replace that machine's own
    assert tracked == [], "untrack it with `git rm --cached .venv`"
