#!/usr/bin/env bash
# Checks the portable archive built by build-portable.sh: unpacks it, checks the jar carries JavaFX's natives for
# Linux, Windows and macOS (each macOS library universal: Intel and Apple silicon), then starts it with its start.sh
# (java -jar) under Xvfb with an empty data directory, as a first start, until the embedded demo factory is up and
# the sign-in page offers the demo users; takes a screenshot of the window (target/installer/portable-start.png, when
# ImageMagick can read the X display) and ends it as a window manager does. Usage: installer/test-portable.sh
set -euo pipefail
cd "$(dirname "$0")/.."
archive=$(ls target/installer/ai-factory-portal-*-portable.zip | head -1)
lipo=$(command -v llvm-lipo || compgen -c llvm-lipo- | head -1)
[ -n "$lipo" ] || lipo=$(command -v lipo)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== $archive ($(du -h "$archive" | cut -f1), $(stat -c %s "$archive") bytes)"
unzip -q "$archive" -d "$work"
dir=$(ls -d "$work"/ai-factory-portal-*-portable)
[ -x "$dir/start.sh" ] || { echo "FAIL: start.sh is not executable after unzip" >&2; exit 1; }
jar=$dir/tenant-portal.jar

echo "== natives in the jar"
entries=$(unzip -Z1 "$jar")
for library in libglass.so libglassgtk3.so libprism_es2.so glass.dll prism_d3d.dll libglass.dylib libprism_es2.dylib; do
  grep -qx "$library" <<<"$entries" || { echo "FAIL: $library missing from the jar" >&2; exit 1; }
done
mkdir -p "$work/mac"
unzip -q "$jar" '*.dylib' -d "$work/mac"
for library in "$work"/mac/*.dylib; do
  archs=$("$lipo" -archs "$library")
  echo "$(basename "$library"): $archs"
  [[ $archs == *x86_64* && $archs == *arm64* ]] || { echo "FAIL: $(basename "$library") is not universal" >&2; exit 1; }
done

echo "== first start: ./start.sh under Xvfb"
log=$work/run.log
XDG_DATA_HOME=$work/data xvfb-run -a -s "-screen 0 1600x1000x24" \
  sh -c 'echo "$DISPLAY" >"$1/display"; echo "$XAUTHORITY" >"$1/xauthority"; echo $$ >"$1/pid"; exec "$2/start.sh"' \
  sh "$work" "$dir" >"$log" 2>&1 &
runner=$!
ready=
# A first start seeds the demo database: minutes on a loaded two-core machine.
for _ in $(seq 1 6000); do
  if grep -q "startup: sign-in ready" "$log"; then ready=yes; break; fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$ready" ]; then
  grep -E "startup: (first frame|sign-in ready)|embedded factory up" "$log"
  if command -v import >/dev/null; then
    DISPLAY=$(cat "$work/display") XAUTHORITY=$(cat "$work/xauthority") import -window root target/installer/portable-start.png \
      && echo "screenshot: target/installer/portable-start.png"
  fi
fi
kill "$(cat "$work/pid")" 2>/dev/null || true
wait "$runner" || true
if [ -z "$ready" ]; then
  cat "$log" >&2
  echo "FAIL: the portable portal did not reach its sign-in list" >&2
  exit 1
fi
echo "OK: $(basename "$archive") starts with java -jar and shows the demo sign-in list"
