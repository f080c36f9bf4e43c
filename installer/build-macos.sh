#!/usr/bin/env bash
# Builds the macOS disk image (.dmg) of the portal with jpackage (JDK 17), on a Mac: the app bundle with its icon,
# the file association that opens signed residency reports (.json) in the portal's verifier, in a .dmg to drag
# into Applications. Unsigned: Gatekeeper asks on the first start (right-click, Open).
# Usage: mvn -B package -DskipTests && installer/build-macos.sh   -> target/installer/*.dmg
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

# In the bundle the portal starts in the launcher's own JVM (a child JVM would show as "java" in the Dock), so it
# runs without a class data archive: a dragged-in bundle has no install step that could make one (see build-linux.sh).
# macOS refuses a bundle version whose first number is 0, so 0.x.y is given to it as 1.x.y.
mac_version=$version
[[ $version == 0.* ]] && mac_version=1.${version#0.}
jpackage --type dmg "${common_options[@]}" \
  --name "AI Factory Portal" --app-version "$mac_version" \
  --java-options "-Dportal.cds.inPlace=true" \
  --java-options "$portal_java_options" \
  --icon assets/icons/app.icns \
  --file-associations installer/report-association.properties \
  --mac-package-identifier eu.aifactory.portal \
  --mac-package-name "AI Factory Portal" \
  --dest target/installer
ls -la target/installer/*.dmg
