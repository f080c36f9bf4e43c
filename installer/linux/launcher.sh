#!/bin/sh
# The portal's installed launcher on Linux, in place of jpackage's. That one asks the package managers which package
# owns it (rpm -qf, dpkg -S, dpkg -L, twice) on every start: 0.8 s of a 2.1 s start on the machine we measure on.
# This one starts the bundled runtime at once, in place (no child JVM, see SharedClassesLauncher), with the class data
# archive the package made when it was installed (class-archive.sh). build-linux.sh fills in the JVM options
# (installer/common.sh) and, for the kiosk launcher, its argument.
app=$(dirname "$(readlink -f "$0")")/..
# glibc gives every thread that allocates its own 64 MB malloc arena; a desktop client needs few.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$app/lib/runtime/bin/java" -Dportal.cds.inPlace=true @JAVA_OPTIONS@ \
  -XX:SharedArchiveFile="$app/lib/app/portal.jsa" \
  -cp "$app/lib/app/tenant-portal.jar" eu.aifactory.portal.app.Launcher @ARGUMENTS@ "$@"
