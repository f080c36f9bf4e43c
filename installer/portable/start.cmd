@echo off
rem Starts the AI Factory Tenant Portal with the Java 17+ on the PATH (or in JAVA_HOME), without a console window.
rem Arguments go to the portal, e.g. a signed residency report to verify.
if defined JAVA_HOME (set "JAVAW=%JAVA_HOME%\bin\javaw.exe") else (set "JAVAW=javaw")
start "" "%JAVAW%" -jar "%~dp0tenant-portal.jar" %*
