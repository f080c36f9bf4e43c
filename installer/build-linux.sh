#!/usr/bin/env bash
# Builds a Debian package of the portal with jpackage (JDK 17): a trimmed runtime plus the shaded jar.
# Usage: mvn -B package -DskipTests && installer/build-linux.sh   → target/installer/ai-factory-portal_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/tenant-portal.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)

input=target/installer/input
rm -rf target/installer && mkdir -p "$input"
cp "$jar" "$input/"

# The modules the portal and the embedded factory use (JavaFX itself travels inside the jar).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.zipfs,jdk.localedata

jpackage --type deb \
  --name ai-factory-portal \
  --app-version "$version" \
  --vendor "AI Factory" \
  --description "Tenant portal of a sovereign AI factory: catalog, workloads, energy and residency reports" \
  --input "$input" --main-jar tenant-portal.jar --main-class eu.aifactory.portal.app.Launcher \
  --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages" \
  --java-options "-XX:TieredStopAtLevel=1 -Xshare:auto" \
  --icon assets/icons/app-256.png \
  --linux-shortcut --linux-menu-group Development \
  --dest target/installer
ls -la target/installer/*.deb
