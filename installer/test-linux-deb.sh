#!/usr/bin/env bash
# Installs the .deb built by build-linux.sh with dpkg, checks the menu entry and the file association, starts the
# installed portal under Xvfb, with the class data archive its install made, until its sign-in page offers the demo
# users, starts the kiosk launcher until it is in kiosk mode, opens a signed residency report through the launcher (as
# the file manager does) until the verifier shows its verdict, then removes the package and checks nothing is left.
# Run as root: installer/test-linux-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/ai-factory-portal_*.deb | head -1)
app=/opt/ai-factory-portal
launcher=$app/bin/ai-factory-portal
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

source installer/linux/run-until.sh

echo "== install $deb"
# A desktop has a system menu directory; a bare container lacks it and xdg-desktop-menu (the menu entry) then fails.
mkdir -p /etc/xdg/menus /usr/share/desktop-directories
dpkg -i "$deb" || apt-get install -y -f
dpkg -s ai-factory-portal | grep -E '^(Status|Version|Installed-Size)'
desktop=/usr/share/applications/ai-factory-portal-ai-factory-portal.desktop
grep -E '^(Name|Exec|Icon|MimeType)=' "$desktop"
grep -q 'MimeType=application/vnd.aifactory.signed-report+json' "$desktop"
grep -q '^Exec=.* %F$' "$desktop"
grep -rl 'application/vnd.aifactory.signed-report+json' /usr/share/mime/packages/ >/dev/null

echo "== the class data archive the install made, and a start that must map it (-Xshare:on fails without it)"
ls -la "$app/lib/app/portal.jsa"
XDG_DATA_HOME=$home/data JAVA_TOOL_OPTIONS=-Xshare:on run_until "$home/run.log" "startup: sign-in ready" "$launcher"

echo "== the kiosk launcher and its menu entry"
# grep without -q reads to the end: dpkg-deb fails on a closed pipe.
dpkg -c "$deb" | grep '/opt/ai-factory-portal/bin/ai-factory-portal-kiosk$'
kiosk_desktop=/usr/share/applications/ai-factory-portal-ai-factory-portal-kiosk.desktop
grep -E '^(Name|Exec)=' "$kiosk_desktop"
XDG_DATA_HOME=$home/data run_until "$home/run.log" "kiosk mode: full screen true" "$app/bin/ai-factory-portal-kiosk"

echo "== open a signed residency report through the launcher"
report=$home/residency-report.json
cp src/test/resources/eu/aifactory/portal/verify/signed-residency-report.json "$report"
XDG_DATA_HOME=$home/data run_until "$home/run.log" "report verdict" "$launcher" "$report"

echo "== remove"
dpkg -r ai-factory-portal
if [ -e "$app" ] || ls /usr/share/applications/*ai-factory-portal*.desktop 2>/dev/null; then
  echo "FAIL: files left after removal" >&2
  exit 1
fi
echo "OK: installed, started, opened a report, removed"
