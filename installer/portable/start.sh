#!/bin/sh
# Starts the AI Factory Tenant Portal with the Java 17+ on the PATH (or in JAVA_HOME); arguments go to the portal,
# e.g. a signed residency report to verify, or "serve" / "verify" (see --help).
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -jar "$here/tenant-portal.jar" "$@"
