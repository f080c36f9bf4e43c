#!/usr/bin/env bash
# Builds the Linux packages of the portal with jpackage (JDK 17): a trimmed runtime plus the shaded jar, as a .deb
# and, where rpmbuild is installed (Debian: apt-get install -y rpm), an .rpm. Both carry the menu entry, the icon and
# the file association that opens signed residency reports (.json) in the portal's verifier.
# installer/linux/ai-factory-portal.desktop is jpackage's menu entry with %F added, so the file manager hands the
# opened report to the portal. A second launcher, ai-factory-portal-kiosk (installer/linux/ai-factory-portal-kiosk.properties),
# gets its own menu entry and starts the portal with --kiosk. Usage: mvn -B package -DskipTests && installer/build-linux.sh   -> target/installer/*.deb, *.rpm
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

image_dir=target/installer/image
jpackage --type app-image "${common_options[@]}" \
  --icon assets/icons/app-256.png \
  --add-launcher ai-factory-portal-kiosk=installer/linux/ai-factory-portal-kiosk.properties \
  --dest "$image_dir"

for type in deb rpm; do
  if [ "$type" = rpm ] && ! command -v rpmbuild >/dev/null; then
    echo "rpmbuild not found (apt-get install -y rpm): no .rpm" >&2
    continue
  fi
  jpackage --type "$type" --app-image "$image_dir/$app_name" \
    --name "$app_name" --app-version "$version" --vendor "$vendor" --description "$description" \
    --icon assets/icons/app-256.png \
    --file-associations installer/report-association.properties \
    --resource-dir installer/linux \
    --linux-shortcut --linux-menu-group "Office;Science" \
    --linux-app-category misc --linux-rpm-license-type "Proprietary" \
    --dest target/installer
done
ls -la target/installer/*.deb target/installer/*.rpm 2>/dev/null
