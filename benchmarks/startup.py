"""Time to the first painted main window: SupportNet on the demo network vs a bare window.

Each start is a fresh process (cold interpreter, warm disk cache, and what an earlier start
left for the next: bytecode, the compiled dataclass code), measured from spawn to
the first Paint event of the main window. The two kinds run interleaved, several times
each; the medians and their ratio are printed, the ratio last. Each start's peak memory
(its maximum resident set up to the first paint) is reported beside the bare window's.
SupportNet's start runs its real entry point, which loads Qt itself, as it does for a user
(`_startup_child.py`). Recent figures are in docs/architecture.md ("Starting up").

Two modes:

- default: the store's key in a file-backed stand-in keyring (:mod:`benchmarks.filekeyring`),
  which leaves out the keyring's own import and its D-Bus round trip;
- ``--real-keyring``: the key in a real Secret Service, gnome-keyring on a private D-Bus
  session (the benchmark runs itself again under ``dbus-run-session``), with ``keyring``
  finding its backend as it does for a user.

Run: `.venv/bin/python -m benchmarks.startup [--real-keyring] [ROUNDS]`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import NamedTuple

from benchmarks._startup_child import WARM_UP

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_startup_child.py"
#: Set inside the private D-Bus session that ``--real-keyring`` starts.
INSIDE = "SUPPORTNET_BENCH_PRIVATE_BUS"


def _env(base: Path, real_keyring: bool) -> dict[str, str]:
    from benchmarks import filekeyring  # not imported with the real one: keyring would chain it

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SUPPORTNET_PASSPHRASE", None)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    if not real_keyring:
        env["PYTHON_KEYRING_BACKEND"] = "benchmarks.filekeyring.FileKeyring"
        env[filekeyring.ENV] = str(base / "keyring.json")
        env["HOME"] = str(base / "home")
    env["XDG_CONFIG_HOME"] = str(base / "home" / ".config")
    env["XDG_CACHE_HOME"] = str(base / "home" / ".cache")
    # Measure what a user gets: cached bytecode (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Start(NamedTuple):
    """One start: seconds to the first paint, the peak memory in MB, and the CPU seconds
    used (the key's helper process counted, where there is one)."""

    seconds: float
    mb: float
    cpu: float


def _one(args: list[str], env: dict[str, str]) -> Start:
    """One start, in a fresh process."""
    start = time.time()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped here; Popen mustn't wait for it again
    line = next((s for s in out.splitlines() if s.startswith("painted ")), None)
    if line is None:
        raise SystemExit(f"startup run failed: {err.strip()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Start(float(line.split()[1]) - start, usage.ru_maxrss / 1024, cpu)


def _prepare(base: Path, env: dict[str, str], real_keyring: bool) -> Path:
    from supportnet.data.store import open_store
    from supportnet.data.store_key import AUTO_BACKEND
    from supportnet.demo.loader import load_demo

    backend: object = AUTO_BACKEND
    if not real_keyring:
        from benchmarks import filekeyring

        os.environ.update({k: env[k] for k in ("PYTHON_KEYRING_BACKEND", filekeyring.ENV)})
        backend = filekeyring.FileKeyring()
    data_dir = base / "data"
    with open_store(data_dir, keyring_backend=backend) as store:
        assert store.key_info.method.value == "keyring", store.key_info
        load_demo(store, date.today(), "Europe/London")
        settings = store.settings.load()
        settings.onboarded = True
        store.settings.save(settings)
    return data_dir


def _in_private_session(argv: list[str]) -> int:
    """Run this benchmark again inside a private D-Bus session with a fresh, unlocked
    gnome-keyring whose files live in a temporary home (never the user's own)."""
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"--real-keyring needs {tool} (Debian: dbus, gnome-keyring)")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, **{INSIDE: "1"})
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        script = (
            "printf %s supportnet-bench | "
            "gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
            'exec "$0" -m benchmarks.startup "$@"'
        )
        command = ["dbus-run-session", "--", "sh", "-c", script, sys.executable, *argv]
        return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


def main() -> None:
    argv = sys.argv[1:]
    real_keyring = "--real-keyring" in argv
    if real_keyring and not os.environ.get(INSIDE):
        raise SystemExit(_in_private_session(argv))
    numbers = [a for a in argv if a.isdigit()]
    rounds = int(numbers[0]) if numbers else 7
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        env = _env(base, real_keyring)
        data_dir = _prepare(base, env, real_keyring)
        _one(["bare"], env)  # warm the disk cache for both
        # and let SupportNet's first start run to its end, as a user's earlier one did,
        # so what it keeps for the next (compiled code) is there, as for that user.
        _one(["app", str(data_dir)], {**env, WARM_UP: "1"})
        bare: list[Start] = []
        app: list[Start] = []
        for _ in range(rounds):
            bare.append(_one(["bare"], env))
            app.append(_one(["app", str(data_dir)], env))
    bare_ms = statistics.median(s.seconds for s in bare) * 1000
    app_ms = statistics.median(s.seconds for s in app) * 1000
    bare_mb = statistics.median(s.mb for s in bare)
    app_mb = statistics.median(s.mb for s in app)
    bare_cpu = statistics.median(s.cpu for s in bare) * 1000
    app_cpu = statistics.median(s.cpu for s in app) * 1000
    mode = "real Secret Service (gnome-keyring)" if real_keyring else "file-backed keyring"
    cores = len(os.sched_getaffinity(0))
    print(f"rounds: {rounds} each, interleaved, platform {env['QT_QPA_PLATFORM']}, {mode}")
    print(f"cores: {cores}, load average {os.getloadavg()[0]:.2f}")
    print(f"bare_window_ms: {bare_ms:.0f}  (min {min(s.seconds for s in bare) * 1000:.0f})")
    print(
        f"supportnet_ms: {app_ms:.0f}  (min {min(s.seconds for s in app) * 1000:.0f}, demo network)"
    )
    print(f"cpu_ms: bare {bare_cpu:.0f}, supportnet {app_cpu:.0f} (ratio {app_cpu / bare_cpu:.2f})")
    print(f"peak_memory_mb: bare {bare_mb:.0f}, supportnet {app_mb:.0f}")
    print(f"memory ratio: {app_mb / bare_mb:.2f}")
    print(f"startup ratio: {app_ms / bare_ms:.2f}")


if __name__ == "__main__":
    main()
