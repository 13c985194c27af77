#!/bin/bash
# Runs one test binary inside a throwaway D-Bus session whose Secret Service is an unlocked gnome-keyring.
set -u
if [ $# -lt 1 ]; then
    echo "usage: run-with-keyring.sh TEST [ARGS...]" >&2
    exit 2
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/fleetscope-keyring.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home" "$T/config" "$T/cache" "$T/data" "$T/run"
chmod 700 "$T/run"
# Every place a keyring, a settings file or a plaintext fallback could land is inside $T,
# so the test can search all of it and the user's own keyring is never touched.
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" \
       XDG_DATA_HOME="$T/data" XDG_RUNTIME_DIR="$T/run" FLEETSCOPE_TEST_KEYRING=1
# QT_NO_GLIB hangs libsecret (no GLib main loop); DISPLAY would let D-Bus autolaunch a real bus.
unset DBUS_SESSION_BUS_ADDRESS QT_NO_GLIB DISPLAY
# -k: a test that ignores TERM is killed; the daemon exits with the session bus.
timeout -k 5 "${FLEETSCOPE_KEYRING_TIMEOUT:-120}" dbus-run-session -- sh -c \
    'printf %s test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    run-with-keyring "$@"
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    echo "run-with-keyring.sh: $1 did not finish in ${FLEETSCOPE_KEYRING_TIMEOUT:-120} s" >&2
fi
exit $rc
