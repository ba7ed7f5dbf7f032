"""Build `src/lagebild/resources/events/cameo.tsv` (CAMEO code → name, Goldstein score, quad class).

Source: `events/cameo-codes.csv` of the shared data (CAMEO 1.1b3 codebook as a table, from the R package icews,
MIT licence, (c) 2022 Andreas Beger). Quad class follows the CAMEO convention by root code: 01–05 verbal
cooperation (1), 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict (4).

    python scripts/build_cameo_table.py [DATA_DIR]   # default ../shared/data
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "resources" / "events" / "cameo.tsv"


def quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    src = data / "events" / "cameo-codes.csv"
    # the file mixes UTF-8 with a few cp1252 bytes in the examples; names and scores are ASCII
    text = src.read_bytes().decode("utf8", errors="replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    out = [
        "# CAMEO 1.1b3 event codes: code, root, Goldstein score, quad class, name",
        f"# source: {src.name} (R package icews, MIT licence, (c) 2022 Andreas Beger); built by scripts/build_cameo_table.py",
        "# quad class by root: 01-05 verbal cooperation=1, 06-08 material cooperation=2, 09-13 verbal conflict=3, "
        "14-20 material conflict=4",
        "code\troot\tgoldstein\tquad_class\tname",
    ]
    n = 0
    for r in rows:
        code = r["code"].strip()
        if not code.isdigit():
            continue
        root = code[:2]
        g = r["goldstein"].strip()
        out.append(f"{code}\t{root}\t{float(g) if g not in ('', 'NA') else ''}\t{quad_class(root)}\t{r['name'].strip()}")
        n += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out) + "\n", encoding="utf8")
    print(f"wrote {n} codes to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
