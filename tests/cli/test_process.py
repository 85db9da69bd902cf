"""The README's main job as a user runs it: `uppsikt` in a process of its own.

The other CLI tests run the commands in the test process, where Django is already set
up; a command that touched the models before setting Django up would pass there and fail
for every user. These start the installed `uppsikt` on a fresh SQLite database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UPPSIKT = str(Path(sys.executable).with_name("uppsikt"))


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["UPPSIKT_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [UPPSIKT, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_demo_runs_end_to_end_in_a_process_of_its_own(tmp_path: Path) -> None:
    done = _run(tmp_path, "demo", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "Kontroll: 0 fel" in done.stdout
    for extension in ("html", "pdf", "docx"):
        assert (tmp_path / "out" / f"arsanalys-2025-kommunstyrelsen.{extension}").stat().st_size
    again = _run(tmp_path, "demo", "--out", str(tmp_path / "out"))  # the demo resets itself
    assert again.returncode == 0, again.stderr


def test_import_stores_a_package_and_names_it(tmp_path: Path) -> None:
    done = _run(tmp_path, "import", str(ROOT / "examples" / "malmo-ks-2025"))
    assert done.returncode == 0, done.stderr
    assert "malmo/kommunstyrelsen/2025" in done.stdout
    listed = _run(tmp_path, "reports")
    assert listed.returncode == 0, listed.stderr
    assert "kommunstyrelsen" in listed.stdout.lower()


def test_a_round_is_opened_and_followed_in_a_process_of_its_own(tmp_path: Path) -> None:
    assert _run(tmp_path, "import", str(ROOT / "examples" / "malmo-ks-2025")).returncode == 0
    period = ["-m", "malmo", "-y", "2026", "-p", "interim_report"]
    opened = _run(tmp_path, "round", "open", *period, "--deadline", "2026-09-15")
    assert opened.returncode == 0, opened.stderr
    status = _run(tmp_path, "round", "status", *period, "--json", "--today", "2026-09-20")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert len(data["organisations"]) == 19
    assert all(o["late"] for o in data["organisations"])
    bad = _run(tmp_path, "round", "open", *period, "--deadline", "2025-13-01")
    assert bad.returncode == 2 and "ogiltigt datum" in bad.stderr
