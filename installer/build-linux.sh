#!/usr/bin/env bash
# Builds the Linux packages of the portal with jpackage (JDK 17): a trimmed runtime plus the shaded jar, as a .deb
# and, where rpmbuild is installed (Debian: apt-get install -y rpm), an .rpm. Both carry the menu entry, the icon and
# the file association that opens signed residency reports (.json) in the portal's verifier.
# installer/linux/ai-factory-portal.desktop is jpackage's menu entry with %F added, so the file manager hands the
# opened report to the portal. Building needs xvfb-run (apt-get install -y xvfb) for a first start of the portal.
# A second launcher, ai-factory-portal-kiosk (installer/linux/ai-factory-portal-kiosk.properties),
# gets its own menu entry and starts the portal with --kiosk. Usage: mvn -B package -DskipTests && installer/build-linux.sh   -> target/installer/*.deb, *.rpm
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

# The launchers are shell scripts (installer/linux/launcher.sh says why) that start the portal in place with a class
# data archive of what a start loads. JDK 17 checks an archive against the jar's installed path and time, so the
# package's install script makes it there (class-archive.sh, from installer/linux/postinst and the .spec) from a
# class list recorded here, in a first start of the image under Xvfb that runs until the demo factory's users show.
cp installer/linux/class-archive.sh "$input/"
image_dir=target/installer/image
jpackage --type app-image "${common_options[@]}" \
  --icon assets/icons/app-256.png \
  --add-launcher ai-factory-portal-kiosk=installer/linux/ai-factory-portal-kiosk.properties \
  --dest "$image_dir"
app_image=$image_dir/$app_name
for launcher in "$app_name:" "$app_name-kiosk:--kiosk"; do
  sed -e "s|@JAVA_OPTIONS@|$portal_java_options|" -e "s|@ARGUMENTS@|${launcher#*:}|" installer/linux/launcher.sh \
    > "$app_image/bin/${launcher%%:*}"
  chmod 755 "$app_image/bin/${launcher%%:*}"
done
# What only jpackage's own launchers read.
rm "$app_image/lib/libapplauncher.so" "$app_image"/lib/app/*.cfg

training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
source installer/linux/run-until.sh
XDG_DATA_HOME=$training/data JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app_image/lib/app/portal.classlist" \
  run_until "$training/start.log" "startup: demo factory ready" "$app_image/bin/$app_name" >/dev/null
echo "class list: $(grep -vc '^#' "$app_image/lib/app/portal.classlist") lines from a first start"

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
