"""Time to the first painted main window: SupportNet on the demo network vs a bare window.

Each start is a fresh process (cold interpreter, warm disk cache), measured from spawn to
the first Paint event of the main window. The two kinds run interleaved, several times
each; the medians and their ratio are printed, the ratio last.

Run: `.venv/bin/python -m benchmarks.startup [ROUNDS]`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks import filekeyring

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_startup_child.py"


def _env(keyring_file: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHON_KEYRING_BACKEND"] = "benchmarks.filekeyring.FileKeyring"
    env[filekeyring.ENV] = str(keyring_file)
    env.pop("SUPPORTNET_PASSPHRASE", None)
    # Measure what a user gets: cached bytecode (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _one(args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    line = next((s for s in result.stdout.splitlines() if s.startswith("painted ")), None)
    if line is None:
        raise SystemExit(f"startup run failed: {result.stderr.strip()[-500:]}")
    return float(line.split()[1]) - start


def _prepare(base: Path, env: dict[str, str]) -> Path:
    os.environ.update({k: env[k] for k in ("PYTHON_KEYRING_BACKEND", filekeyring.ENV)})
    from supportnet.data.store import open_store
    from supportnet.demo.loader import load_demo

    data_dir = base / "data"
    with open_store(data_dir, keyring_backend=filekeyring.FileKeyring()) as store:
        load_demo(store, date.today(), "Europe/London")
        settings = store.settings.load()
        settings.onboarded = True
        store.settings.save(settings)
    return data_dir


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        env = _env(base / "keyring.json")
        env["HOME"] = str(base / "home")
        env["XDG_CONFIG_HOME"] = str(base / "home" / ".config")
        data_dir = _prepare(base, env)
        _one(["bare"], env)  # warm the disk cache for both
        _one(["app", str(data_dir)], env)
        bare: list[float] = []
        app: list[float] = []
        for _ in range(rounds):
            bare.append(_one(["bare"], env))
            app.append(_one(["app", str(data_dir)], env))
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(app) * 1000
    print(f"rounds: {rounds} each, interleaved, platform {env['QT_QPA_PLATFORM']}")
    print(f"bare_window_ms: {bare_ms:.0f}  (min {min(bare) * 1000:.0f})")
    print(f"supportnet_ms: {app_ms:.0f}  (min {min(app) * 1000:.0f}, demo network)")
    print(f"startup ratio: {app_ms / bare_ms:.2f}")


if __name__ == "__main__":
    main()
