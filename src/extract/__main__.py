"""``python -m extract``: the same command as ``extract``."""
from __future__ import annotations

from .cli import main

if __name__ == "__main__":  # pragma: no cover - run as a module
    main(prog_name="extract")
