@echo off
rem flightplan launcher for Windows: runs lib\flightplan.jar on Java 17 or later, tuned for short commands.
rem   JAVA_HOME             the Java to use (otherwise java on the PATH)
rem   FLIGHTPLAN_JAVA_OPTS  more JVM options; they come last, so they win
rem The C1 compiler alone and the serial collector start fastest; the sandbox, a server, keeps the defaults.
rem (The class-data-sharing archive of bin/flightplan is not made here.)
setlocal
set "FLIGHTPLAN_JAR=%~dp0..\lib\flightplan.jar"
if defined JAVA_HOME (set "FLIGHTPLAN_JAVA=%JAVA_HOME%\bin\java.exe") else (set "FLIGHTPLAN_JAVA=java")
set "FLIGHTPLAN_QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if "%~1"=="sandbox" set "FLIGHTPLAN_QUICK="
"%FLIGHTPLAN_JAVA%" %FLIGHTPLAN_QUICK% %FLIGHTPLAN_JAVA_OPTS% -jar "%FLIGHTPLAN_JAR%" %*
exit /b %ERRORLEVEL%
