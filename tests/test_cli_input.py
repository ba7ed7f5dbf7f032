"""Bad input ends with a clear one-line error and a non-zero exit; in batch mode the other inputs still go through."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOOD = "Datum: 2016-12-16\n\nDie Regierung in Berlin kritisierte am Donnerstag die Angriffe.\n"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lagebild", *args], capture_output=True, input=stdin, timeout=300)


def test_missing_empty_binary_and_latin1_are_reported_and_good_file_is_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf8")
    binary = tmp_path / "bild.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Die Regierung in Köln äußerte sich.".encode("latin-1"))
    missing = tmp_path / "nope.txt"
    proc = run_cli("extract", str(missing), str(empty), str(binary), str(latin), str(good), "--format", "jsonl",
                   "--no-tokens")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"{missing}: no such file" in err
    assert f"{empty}: empty input" in err
    assert f"{binary}: binary file" in err
    assert f"{latin}: not valid UTF-8" in err
    assert "Traceback" not in err
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1
    art = json.loads(lines[0])
    assert art["date"] == "2016-12-16"  # from the front matter
    assert art["text"].startswith("Die Regierung in Berlin")


def test_stdin_and_bad_date() -> None:
    proc = run_cli("extract", "-", "--date", "2016-12-16", "--no-tokens", stdin=GOOD.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["date"] == "2016-12-16"
    bad = run_cli("extract", "-", "--date", "16.12.2016", stdin=GOOD.encode())
    assert bad.returncode == 2
    assert "invalid fromisoformat value" in bad.stderr.decode() or "date" in bad.stderr.decode()


def test_program_never_reads_shared_data() -> None:
    src = Path(__file__).resolve().parents[1] / "src" / "lagebild"
    offenders = [str(p) for p in src.rglob("*.py") if "shared/data" in p.read_text(encoding="utf8")
                 and "training" not in p.parts]
    assert offenders == []
