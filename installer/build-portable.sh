#!/usr/bin/env bash
# The portable archive: one jar with JavaFX for Linux, Windows and macOS (Intel and Apple silicon) plus start scripts,
# for any computer with Java 17 or newer. Usage: installer/build-portable.sh -> target/installer/*-portable.zip
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Pportable package -DskipTests
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
name=ai-factory-portal-$version-portable
stage=target/installer/$name
rm -rf "$stage" "target/installer/$name.zip" && mkdir -p "$stage"
cp target/tenant-portal-portable.jar "$stage/tenant-portal.jar"
cp installer/portable/start.sh installer/portable/start.cmd installer/portable/README.txt "$stage/"
chmod +x "$stage/start.sh"
(cd target/installer && rm -f "$name.zip" && jar --create --file "$name.zip" --no-manifest -C . "$name")
ls -la "target/installer/$name.zip"
