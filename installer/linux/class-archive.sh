#!/bin/sh
# Makes or removes the portal's class data archive beside its jar, as root, from the package's install and removal
# scripts. The archive holds the classes a start of the portal loads (portal.classlist, recorded when the package was
# built) and the launchers map it (-XX:SharedArchiveFile). JDK 17 checks an archive against the jar's path, size and
# time, so it can only be made where the package is installed, as Debian's JDK packages make theirs.
# Without it the portal still starts, more slowly: the install never fails because of it.
set -u
app=$(cd "$(dirname "$0")" && pwd)
archive=$app/portal.jsa
case "${1:-}" in
  create)
    echo "Creating the portal's class data archive (for a faster start) ..."
    log=$(mktemp)
    if ! "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/portal.classlist" \
        -XX:SharedArchiveFile="$archive" -cp "$app/tenant-portal.jar" >"$log" 2>&1; then
      tail -5 "$log" >&2
      echo "No class data archive: the portal starts without it, more slowly." >&2
      rm -f "$archive"
    fi
    rm -f "$log"
    ;;
  remove)
    rm -f "$archive"
    ;;
  *)
    echo "usage: $0 create|remove" >&2
    exit 2
    ;;
esac
