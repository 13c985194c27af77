#!/usr/bin/env bash
# The DEB package: built by CPack, declares the run-time dependencies shlibdeps cannot see,
# carries the desktop integration files, and its binary runs `fleetscope --version`.
set -euo pipefail
build_dir=$1
version=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$out" >/dev/null
deb=$(ls "$out"/fleetscope_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6sql6-sqlite qt6-qpa-plugins libsecret-1-0 libqt6charts6; do
    grep -q "$dep" <<<"$depends" || { echo "FAIL: Depends lacks $dep: $depends"; exit 1; }
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/fleetscope ./usr/share/applications/io.github.fleetscope.Fleetscope.desktop \
         ./usr/share/metainfo/io.github.fleetscope.Fleetscope.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.fleetscope.Fleetscope.svg \
         ./usr/lib/systemd/user/fleetscope-collector.service; do
    grep -q " $f\$" <<<"$contents" || { echo "FAIL: package lacks $f"; exit 1; }
done
dpkg-deb -x "$deb" "$out/root"
got=$("$out/root/usr/bin/fleetscope" --version)
[ "$got" = "fleetscope $version" ] || { echo "FAIL: --version printed '$got'"; exit 1; }
echo "1 passed, 0 failed"
