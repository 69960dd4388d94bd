"""What a run has already done, so that a rerun only does the rest.

The state of an output folder lives in ``<out>/.extract/``: finished *parts* (one folder of
table files per few hundred documents, see :mod:`extract.writers`) under ``parts/``, and an
SQLite database, ``state.sqlite``, naming every part and the documents in it. A part is
entered in the database only after its files are whole, in one transaction, so a run killed
at any moment leaves either a finished part or nothing.

A document is *done* when a part holds it under its key: ``doc_id``, the SHA-1 of its text
and a hash of its metadata (title, published date, reference date). A rerun skips done
documents and processes the rest. The final tables are then merged from the parts whose
every document is in this run's input; a part holding a document that is gone or has
changed is dropped and its other documents are processed again. Documents that failed are
always tried again. Parts no longer used are deleted once the new tables are in place.

The database is only touched by the process that runs the tables (never by workers), and
the list of documents seen in this run lives in it too, so memory does not grow with the
number of documents.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .documents import ArticleInput
from .errors import Errors, ExtractError

STATE_DIR = ".extract"
PARTS_DIR = "parts"
DB_FILE = "state.sqlite"
LOCK_FILE = "lock"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS parts (
    name TEXT PRIMARY KEY, seq INTEGER, run INTEGER, fmt TEXT,
    n_ok INTEGER, n_errors INTEGER, first_serial INTEGER);
CREATE TABLE IF NOT EXISTS docs (key TEXT, part TEXT, seq INTEGER, status TEXT);
CREATE INDEX IF NOT EXISTS docs_key ON docs (key);
CREATE INDEX IF NOT EXISTS docs_part ON docs (part);
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, serial INTEGER, path TEXT, part TEXT);
CREATE INDEX IF NOT EXISTS seen_part ON seen (part);
"""


def doc_key(item: ArticleInput) -> str:
    """The key under which a document counts as done: doc_id, text hash, metadata hash."""
    meta = "\x1f".join((item.title or "", item.published or "", item.reference_date or ""))
    return f"{item.doc_id}\t{item.text_hash}\t{hashlib.sha1(meta.encode('utf-8')).hexdigest()[:16]}"


class OutLock:
    """One run at a time per output folder: an exclusive lock on ``<out>/.extract/lock``.

    The lock is the operating system's (``flock``): it goes with the process, so a run
    that is killed leaves no stale lock behind. The file names the holder (process id
    and host) so that a second run can say who it is waiting for; the second run does
    not wait, it stops at once with :class:`~extract.errors.ExtractError` (E503).
    (On network file systems without ``flock`` support two runs are not kept apart.)
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.dir = Path(out_dir) / STATE_DIR
        self.path = self.dir / LOCK_FILE
        self.fd: int | None = None

    def __enter__(self) -> "OutLock":
        self.dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
            os.close(fd)
            pid = holder[0] if holder else "unknown"
            host = f" on {holder[1]}" if len(holder) > 1 and holder[1] != socket.gethostname() else ""
            raise ExtractError(Errors.E503.format(path=self.path.parent.parent, pid=pid, host=host)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode("utf-8"), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


@dataclass
class Plan:
    """The parts that make the final tables, in input order."""

    parts: list[Path]
    drop_errors: list[Path]   # reused parts whose failed documents were tried again


class RunState:
    """The state database of one output folder, opened for one run."""

    def __init__(self, out_dir: str | Path, fingerprint: dict, *, fresh: bool = False) -> None:
        self.dir = Path(out_dir) / STATE_DIR
        self.parts_dir = self.dir / PARTS_DIR
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        ignore = self.dir / ".gitignore"
        if not ignore.exists():  # the state is never meant to be committed with the tables
            ignore.write_text("*\n", encoding="utf-8")
        self.db = sqlite3.connect(self.dir / DB_FILE)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.reset_reason: str | None = None
        wanted = json.dumps(fingerprint, sort_keys=True)
        stored = self._meta("fingerprint")
        if fresh:
            self._wipe()
        elif stored is not None and stored != wanted and self._n_parts():
            self.reset_reason = "the settings or versions differ from the previous run's"
            self._wipe()
        self._set_meta("fingerprint", wanted)
        self.run_id = int(self._meta("runs") or 0) + 1
        self._set_meta("runs", str(self.run_id))
        self.db.execute("DELETE FROM seen")
        self._seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM parts").fetchone()[0]
        self.db.commit()
        self._remove_orphans()

    # --- bookkeeping ------------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _n_parts(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM parts").fetchone()[0]

    def _wipe(self) -> None:
        self.db.execute("DELETE FROM parts")
        self.db.execute("DELETE FROM docs")
        self.db.commit()
        for child in self.parts_dir.iterdir():
            shutil.rmtree(child, ignore_errors=True)

    def _remove_orphans(self) -> None:
        """Delete part folders the database does not know (a run died before entering them)."""
        known = {row[0] for row in self.db.execute("SELECT name FROM parts")}
        for child in self.parts_dir.iterdir():
            if child.name not in known:
                shutil.rmtree(child, ignore_errors=True)

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # --- during the run ---------------------------------------------------------------
    def claim(self, key: str, serial: int, path: str) -> str:
        """Note an input document; say what to do with it: 'process', 'done' or 'duplicate'."""
        row = self.db.execute(
            "SELECT part FROM docs WHERE key = ? AND status = 'ok' ORDER BY seq DESC LIMIT 1", (key,)
        ).fetchone()
        cur = self.db.execute("INSERT OR IGNORE INTO seen (key, serial, path, part) VALUES (?, ?, ?, ?)",
                              (key, serial, path, row[0] if row else None))
        if cur.rowcount == 0:
            return "duplicate"
        return "done" if row else "process"

    def retry(self, key: str, serial: int, path: str) -> None:
        """Note a document processed again because its part was dropped."""
        self.db.execute("INSERT OR REPLACE INTO seen (key, serial, path, part) VALUES (?, ?, ?, NULL)",
                        (key, serial, path))

    def new_part_name(self) -> str:
        self._seq += 1
        return f"{self.run_id:05d}-{self._seq:08d}"

    def add_part(self, name: str, fmt: str, docs: Iterable[tuple[str, str, int]]) -> None:
        """Enter a finished part: ``docs`` are (key, status, serial); one transaction."""
        docs = list(docs)
        seq = int(name.split("-")[1])
        n_ok = sum(1 for _, status, _ in docs if status == "ok")
        first = min((serial for _, _, serial in docs), default=0)
        self.db.execute("INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (name, seq, self.run_id, fmt, n_ok, len(docs) - n_ok, first))
        self.db.executemany("INSERT INTO docs (key, part, seq, status) VALUES (?, ?, ?, ?)",
                            [(key, name, seq, status) for key, status, _ in docs])
        self.db.executemany("UPDATE seen SET part = ? WHERE key = ?",
                            [(name, key) for key, status, _ in docs if status == "ok"])
        self.db.commit()

    # --- after the input --------------------------------------------------------------
    def _credited(self) -> dict[str, int]:
        return dict(self.db.execute(
            "SELECT part, COUNT(*) FROM seen WHERE part IS NOT NULL GROUP BY part"))

    def to_redo(self) -> list[tuple[str, str]]:
        """(path, doc_id) of input documents held by a part that also holds a stale document.

        Such a part cannot be used whole; its current documents are processed again
        (call :meth:`retry` for each) and the part is dropped at the end.
        """
        credited = self._credited()
        stale = [name for name, n_ok in self.db.execute("SELECT name, n_ok FROM parts")
                 if 0 < credited.get(name, 0) < n_ok]
        paths: list[tuple[str, str]] = []
        for name in stale:
            paths.extend((p, key.split("\t", 1)[0]) for p, key in self.db.execute(
                "SELECT path, key FROM seen WHERE part = ? ORDER BY serial", (name,)))
        if stale:
            self.db.executemany("UPDATE seen SET part = NULL WHERE part = ?", [(n,) for n in stale])
            self.db.commit()
        return paths

    def plan(self) -> Plan:
        """The parts making the final tables: every document credited, or failures of this run."""
        credited = self._credited()
        first_seen = dict(self.db.execute(
            "SELECT part, MIN(serial) FROM seen WHERE part IS NOT NULL GROUP BY part"))
        live: list[tuple[int, int, str, bool]] = []
        for name, run, n_ok, n_errors, first in self.db.execute(
                "SELECT name, run, n_ok, n_errors, first_serial FROM parts"):
            current = run == self.run_id
            if (n_ok > 0 and credited.get(name, 0) == n_ok) or (current and n_errors > 0):
                order = first if current else first_seen.get(name, 0)
                live.append((order, int(name.split("-")[1]), name, not current and n_errors > 0))
        live.sort()
        return Plan(parts=[self.parts_dir / name for _, _, name, _ in live],
                    drop_errors=[self.parts_dir / name for _, _, name, drop in live if drop])

    def finish(self, plan: Plan) -> None:
        """Forget and delete the parts the final tables do not use."""
        keep = {p.name for p in plan.parts}
        unused = [name for (name,) in self.db.execute("SELECT name FROM parts") if name not in keep]
        self.db.executemany("DELETE FROM docs WHERE part = ?", [(n,) for n in unused])
        self.db.executemany("DELETE FROM parts WHERE name = ?", [(n,) for n in unused])
        self.db.execute("DELETE FROM seen")
        self.db.commit()
        for name in unused:
            shutil.rmtree(self.parts_dir / name, ignore_errors=True)
