# Shared by the build scripts (sourced, bash): the jar, the version and the jpackage options every OS uses.
jar=target/tenant-portal.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
# jpackage wants N.N.N: the project version without -SNAPSHOT.
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
app_name=ai-factory-portal
vendor="AI Factory"
description="Tenant portal of a sovereign AI factory: catalog, workloads, energy and residency reports"

input=target/installer/input
rm -rf target/installer && mkdir -p "$input"
cp "$jar" "$input/"

# The modules the portal and the embedded factory use (JavaFX itself travels inside the jar).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported,jdk.zipfs,jdk.localedata
# bin/java stays in the runtime (no --strip-native-commands): the Windows launcher starts the portal in a child JVM
# that maps the AppCDS archive it writes on the first start (SharedClassesLauncher), and the Linux packages make
# their archive with it when they are installed (build-linux.sh). The child's archive extends the runtime's own,
# which jlink only writes when asked (--generate-cds-archive).
# The JVM options of a launcher that starts the portal in place: SharedClassesLauncher.PORTAL_OPTIONS, which gives
# the reasons (SharedClassesLauncherTest keeps the two equal).
portal_java_options="-XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -XX:MaxNewSize=24m"
common_options=(
  --name "$app_name" --app-version "$version" --vendor "$vendor" --description "$description"
  --input "$input" --main-jar tenant-portal.jar --main-class eu.aifactory.portal.app.Launcher
  --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages --generate-cds-archive"
)
