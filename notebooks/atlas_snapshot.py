"""Read the latest Cluster Atlas serving snapshot with pandas/pyarrow.

The publish stage writes ``<warehouse>/_serving/<run_id>/<layer.table>.parquet`` (and ``.csv``), a
``manifest.json`` with the Delta version, row count and SHA-256 of every file, and last the
``<warehouse>/_serving/latest`` pointer holding the run id. This module follows the pointer, checks each
file it reads against the manifest, and loads it. The warehouse is ``$ATLAS_WAREHOUSE`` or the
``warehouse`` folder beside ``notebooks/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

SERVING = "_serving"
LATEST = "latest"


class SnapshotError(RuntimeError):
    """The snapshot is missing, incomplete or does not match its manifest."""


def warehouse_path(path: str | os.PathLike | None = None) -> Path:
    """The warehouse root: the argument, else $ATLAS_WAREHOUSE, else ../warehouse of this folder."""
    raw = str(path) if path is not None else os.environ.get("ATLAS_WAREHOUSE")
    if raw is None:
        return Path(__file__).resolve().parent.parent / "warehouse"
    if raw.startswith("file:"):
        raw = raw[len("file:"):]
        raw = "/" + raw.lstrip("/")
    elif "://" in raw:
        raise SnapshotError(f"only local warehouses can be read here, got {raw}")
    return Path(raw)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Snapshot:
    """One published run: its manifest, and its tables read on demand with checksum verification."""

    def __init__(self, folder: Path, manifest: dict):
        self.folder = folder
        self.manifest = manifest
        self.run_id = manifest["run_id"]

    @classmethod
    def latest(cls, warehouse: str | os.PathLike | None = None) -> "Snapshot":
        root = warehouse_path(warehouse)
        pointer = root / SERVING / LATEST
        if not pointer.is_file():
            raise SnapshotError(f"no serving snapshot in {root}: {pointer} is missing (run the pipeline's publish stage)")
        run_id = pointer.read_text(encoding="utf-8").strip()
        folder = root / SERVING / run_id
        manifest_file = folder / "manifest.json"
        if not manifest_file.is_file():
            raise SnapshotError(f"snapshot {run_id} has no manifest.json in {folder}")
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        if manifest.get("run_id") != run_id:
            raise SnapshotError(f"{manifest_file} belongs to run {manifest.get('run_id')}, the pointer says {run_id}")
        return cls(folder, manifest)

    def tables(self) -> list[str]:
        return list(self.manifest.get("tables", {}))

    def has(self, table: str) -> bool:
        return table in self.manifest.get("tables", {})

    def summary(self) -> pd.DataFrame:
        """One row per table: Delta version and rows, as published."""
        rows = [{"table": name, "delta_version": t.get("delta_version"), "rows": t.get("rows")}
                for name, t in self.manifest.get("tables", {}).items()]
        return pd.DataFrame(rows, columns=["table", "delta_version", "rows"])

    def _file(self, table: str, fmt: str) -> Path:
        if not self.has(table):
            raise SnapshotError(f"table {table} is not in snapshot {self.run_id} (it has: {', '.join(self.tables())})")
        entries = [f for f in self.manifest["tables"][table].get("files", []) if f.get("format") == fmt]
        if not entries:
            raise SnapshotError(f"snapshot {self.run_id} has no {fmt} file for {table}")
        entry = entries[0]
        path = self.folder / entry["path"]
        if not path.is_file():
            raise SnapshotError(f"{path} is listed in the manifest but missing")
        actual = _sha256(path)
        if actual != entry["sha256"]:
            raise SnapshotError(f"{path} does not match the manifest: sha256 {actual} != {entry['sha256']}")
        return path

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The table as a pandas frame, after checking its Parquet file's SHA-256 against the manifest."""
        frame = pq.read_table(self._file(table, "parquet"), columns=columns).to_pandas()
        expected = self.manifest["tables"][table].get("rows")
        if expected is not None and len(frame) != expected:
            raise SnapshotError(f"{table}: {len(frame)} rows read, the manifest says {expected}")
        return frame


def latest(warehouse: str | os.PathLike | None = None) -> Snapshot:
    return Snapshot.latest(warehouse)


KOREAN_FONTS = ["NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
                "AppleGothic", "UnDotum"]


def use_korean_font() -> str | None:
    """Use the first installed Korean font (apt-get install fonts-nanum gives NanumGothic).

    Without one, Hangul labels draw as boxes: the plots still work, and the missing-glyph warnings are
    silenced. Returns the font used, or None.
    """
    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in KOREAN_FONTS:
        if name in installed:
            matplotlib.rcParams["font.family"] = [name, "sans-serif"]
            matplotlib.rcParams["axes.unicode_minus"] = False
            return name
    warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from (current )?font.*")
    return None
