"""Reading O*NET's tab-separated text tables, for the library's build."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path


def read_table(folder: Path, name: str) -> list[dict[str, str]]:
    """Rows of one tab-separated O*NET text file, `name` or its gzipped `name.gz`."""
    packed = folder / f"{name}.gz"
    raw = gzip.decompress(packed.read_bytes()) if packed.exists() else (folder / name).read_bytes()
    rows = csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), delimiter="\t")
    header = next(rows)
    return [dict(zip(header, row, strict=True)) for row in rows]
