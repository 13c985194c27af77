#!/usr/bin/env bash
# Fleetscope's one entry point: installs what is missing, builds, then runs the app, the tests or the benchmarks.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
    echo "usage: ./build.sh run [APP ARGS...] | test | bench | package" >&2
    exit 2
}

PACKAGES=(
    cmake g++ ninja-build ccache pkg-config file dpkg-dev
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6sql6-sqlite qt6-qpa-plugins libsqlite3-dev sqlite3
    qtkeychain-qt6-dev libsecret-1-0 libpqxx-dev nlohmann-json3-dev zlib1g-dev
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools postgresql prometheus fonts-dejavu-core
)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "build.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

cmd=${1:-}
[ -n "$cmd" ] || usage
shift
case "$cmd" in
    run)
        install_missing
        build dev
        # Until a provider connection exists, show the simulated demo account rather than empty pages.
        if [ $# -eq 0 ] && [ "$(build/dev/app/fleetscope connections list --json 2>/dev/null | tr -d '[:space:]')" = "[]" ]; then
            echo "build.sh: no provider connection yet, starting with --demo (simulated data)"
            set -- --demo
        fi
        exec build/dev/app/fleetscope "$@"
        ;;
    test)
        install_missing
        build dev
        ctest --preset dev
        ;;
    bench)
        install_missing
        build release
        # Benchmarks print "BENCH name value unit [ratio]" lines; show those and CTest's verdict.
        set +e
        ctest --test-dir build/release -L bench --output-on-failure --verbose > build/release/bench.log 2>&1
        rc=$?
        set -e
        grep -E '(BENCH |tests passed|tests failed|Failed|\*\*\*)' build/release/bench.log | sed -E 's/^[0-9]+: //'
        echo "full log: build/release/bench.log"
        exit $rc
        ;;
    package)
        install_missing
        build release
        (cd build/release && cpack -G DEB)
        ;;
    *) usage ;;
esac
