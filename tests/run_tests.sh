#!/bin/sh
# Run pytest. Where D-Bus and gnome-keyring are installed, run it inside a private D-Bus
# session with a fresh, unlocked gnome-keyring whose files live in a temporary HOME, so
# the Secret Service tests use a real keyring and never the user's own.
set -eu
PY="$1"
shift
if command -v dbus-run-session >/dev/null 2>&1 &&
    command -v gnome-keyring-daemon >/dev/null 2>&1; then
    keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/supportnet-keyring-XXXXXX")
    trap 'rm -rf "$keyring_home"' EXIT INT TERM
    status=0
    SUPPORTNET_TEST_REAL_HOME="$HOME" HOME="$keyring_home" SUPPORTNET_TEST_SECRET_SERVICE=1 \
        dbus-run-session -- sh -c '
            printf %s "supportnet-test-keyring" |
                gnome-keyring-daemon --unlock --components=secrets >/dev/null
            exec "$0" -m pytest "$@"' "$PY" "$@" || status=$?
    exit "$status"
fi
echo "run_tests.sh: dbus-run-session or gnome-keyring-daemon is missing;" \
    "the Secret Service tests will be skipped." >&2
exec "$PY" -m pytest "$@"
