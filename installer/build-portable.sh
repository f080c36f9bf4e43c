#!/usr/bin/env bash
# The portable archive: one jar with JavaFX for Linux, Windows and macOS (Intel and Apple silicon) plus start scripts,
# for any computer with Java 17 or newer. Usage: installer/build-portable.sh -> target/installer/*-portable.zip
# Needs llvm-lipo (Debian: apt-get install -y llvm) and zip.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian names it llvm-lipo-<version>; on a Mac lipo does the same.
lipo=$(command -v llvm-lipo || compgen -c llvm-lipo- | head -1)
[ -n "$lipo" ] || lipo=$(command -v lipo || true)
[ -n "$lipo" ] || { echo "llvm-lipo not found (apt-get install -y llvm): needed for the macOS libraries" >&2; exit 2; }
mvn -B -ntp -q -Pportable package -DskipTests
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
name=ai-factory-portal-$version-portable
stage=target/installer/$name
rm -rf "$stage" "target/installer/$name.zip" && mkdir -p "$stage"
cp target/tenant-portal-portable.jar "$stage/tenant-portal.jar"

# JavaFX loads libglass.dylib & co. by name from the jar's root, so the shaded jar could hold only one of the two
# macOS builds; a universal library (both architectures, each slice keeping its signature) serves both.
natives=target/javafx-natives
rm -rf "$natives/mac-universal" && mkdir -p "$natives/mac-universal"
for library in "$natives"/mac-x64/*.dylib; do
  file=$(basename "$library")
  "$lipo" -create "$library" "$natives/mac-aarch64/$file" -output "$natives/mac-universal/$file"
done
(cd "$natives/mac-universal" && zip -q "$OLDPWD/$stage/tenant-portal.jar" ./*.dylib)

cp installer/portable/start.sh installer/portable/start.cmd installer/portable/README.txt "$stage/"
chmod +x "$stage/start.sh"
# zip, not jar: it keeps start.sh executable for unzip on Linux and macOS.
(cd target/installer && zip -q -r "$name.zip" "$name")
ls -la "target/installer/$name.zip"
