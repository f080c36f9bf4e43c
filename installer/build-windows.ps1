# Builds the Windows installer (.msi) of the portal with jpackage (JDK 17). Needs WiX Toolset 3 (candle.exe and
# light.exe on the PATH; the GitHub windows-2022 runner has it). Start menu entry, desktop shortcut, icon and the
# file association that opens signed residency reports (.json) in the portal's verifier.
# Usage: mvn -B package -DskipTests; powershell -File installer\build-windows.ps1   -> target\installer\*.msi
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

$jar = 'target\tenant-portal.jar'
if (-not (Test-Path $jar)) { throw 'build the jar first: mvn -B package -DskipTests' }
[xml]$pom = Get-Content pom.xml
$version = $pom.project.version -replace '-SNAPSHOT', ''

$input = 'target\installer\input'
if (Test-Path 'target\installer') { Remove-Item -Recurse -Force 'target\installer' }
New-Item -ItemType Directory -Force $input | Out-Null
Copy-Item $jar $input

# The modules the portal and the embedded factory use; bin\javaw.exe stays (no --strip-native-commands) so the
# launcher can start the portal in a JVM that maps its AppCDS archive (SharedClassesLauncher).
$modules = 'java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported,jdk.zipfs,jdk.localedata'

jpackage --type msi `
  --name 'AI Factory Portal' --app-version $version --vendor 'AI Factory' `
  --description 'Tenant portal of a sovereign AI factory: catalog, workloads, energy and residency reports' `
  --input $input --main-jar tenant-portal.jar --main-class eu.aifactory.portal.app.Launcher `
  --add-modules $modules --jlink-options '--strip-debug --no-header-files --no-man-pages --generate-cds-archive' `
  --icon assets\icons\app.ico `
  --file-associations installer\report-association.properties `
  --win-menu --win-menu-group 'AI Factory' --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f1c1f0e-5a52-4c1e-9d0e-3b7f2a9c4e11 `
  --dest target\installer
if ($LASTEXITCODE -ne 0) { throw "jpackage failed with exit code $LASTEXITCODE" }
Get-ChildItem target\installer\*.msi | Format-Table Name, Length
