#!/usr/bin/env bash
# Unlock after the key derivation (database open and case list shown, budget 150 ms) and resident
# memory with 10 000 cases (budget 300 MB), DESIGN.md section 9, in the real window.
#
#   bench/unlock.sh [cases] [rounds]     default 10 000 cases, 11 rounds
#   HARBOR_JVM_OPTS="-Xms32m ..." bench/unlock.sh     JVM options for the measuring run (to try
#                                                     heap settings before they go in launcher.args);
#                                                     by default the launcher's own (launcher.args,
#                                                     less the AOT cache of the app image)
#   UNLOCK_VAULT=DIR bench/unlock.sh      keeps the filled vault in DIR (filled when missing), so
#                                         alternating runs measure the same vault
#   UNLOCK_CLASSES=DIR bench/unlock.sh    the application's classes from DIR instead of
#                                         target/classes (a copy of the code before a change, to
#                                         measure old and new side by side)
#   UNLOCK_NO_BUILD=1 bench/unlock.sh     skips the build (target/ is already compiled)
#   HARBOR_JFR=FILE bench/unlock.sh       records the measuring run with JDK Flight Recorder
#   UNLOCK_IMAGE=target/dist/Harbor bench/unlock.sh
#                                         measures as the installed app starts: the app image's own
#                                         runtime, class path and launcher options (its .cfg), so its
#                                         AOT cache applies (-XX:AOTMode=on: the run fails if the cache
#                                         cannot be used); the benchmark's classes in a jar appended
#                                         to the class path, which an AOT cache allows. The image is
#                                         built by installer/build.sh from the same code.
#   UNLOCK_IMAGE=... UNLOCK_AOT=off bench/unlock.sh   the same image without its AOT cache
#
# Fills a vault through CaseService in one JVM, then measures in a fresh one (so the memory is
# that of a start, not of the fill) under $DISPLAY, else a private Xvfb. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CASES=${1:-10000}
ROUNDS=${2:-11}
[ -n "${UNLOCK_NO_BUILD:-}" ] || mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
CP="target/test-classes:${UNLOCK_CLASSES:-target/classes}:$(cat target/test.classpath)"
LAUNCHER_OPTS=$(sed -n 's/^--java-options //p' installer/jpackage/launcher.args | grep -v -e AOTCache -e enable-native-access | tr '\n' ' ')
JVM_OPTS=${HARBOR_JVM_OPTS-$LAUNCHER_OPTS}
echo "JVM options of the measuring run: ${JVM_OPTS:-none}"
DIR=$(mktemp -d)
VAULT=${UNLOCK_VAULT:-$DIR/vault}
JAVA=$JAVA_HOME/bin/java
MEASURE_CP=$CP
NATIVE=--enable-native-access=ALL-UNNAMED
if [ -n "${UNLOCK_IMAGE:-}" ]; then
  APPDIR=$(cd "$UNLOCK_IMAGE/lib/app" && pwd)
  IMAGE_CFG=$APPDIR/$(basename "$UNLOCK_IMAGE").cfg
  [ -f "$IMAGE_CFG" ] || { echo "unlock.sh: no app image at $UNLOCK_IMAGE" >&2; exit 2; }
  JAVA=$UNLOCK_IMAGE/lib/runtime/bin/java
  NATIVE=   # the launcher's own, in its options (an AOT cache wants the same module options)
  mkdir -p target/bench-unlock
  "$JAVA_HOME/bin/jar" --create --file target/bench-unlock/bench.jar -C target/test-classes org/harbor/bench -C target/test-classes org/harbor/testing
  MEASURE_CP="$(sed -n 's/^app.classpath=//p' "$IMAGE_CFG" | sed "s|\$APPDIR|$APPDIR|g" | paste -sd:):target/bench-unlock/bench.jar"
  JVM_OPTS=$(sed -n 's/^java-options=//p' "$IMAGE_CFG" | sed "s|\$APPDIR|$APPDIR|g" | tr '\n' ' ')
  if [ "${UNLOCK_AOT:-on}" = off ]; then JVM_OPTS="$JVM_OPTS -XX:AOTMode=off"; else JVM_OPTS="$JVM_OPTS -XX:AOTMode=on"; fi
  echo "measuring on the app image $UNLOCK_IMAGE (cache $(ls -l --time-style=+%F.%T "$APPDIR"/*.aot 2>/dev/null | awk '{print $6, $5}'), AOT ${UNLOCK_AOT:-on}): $JVM_OPTS"
fi
[ -n "${HARBOR_JFR:-}" ] && JVM_OPTS="$JVM_OPTS -XX:StartFlightRecording=filename=$HARBOR_JFR,settings=profile"
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  n=77
  while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi
[ -e "$VAULT/harbor.db" ] || "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.harbor.bench.UnlockBenchmark fill "$VAULT" "$CASES"
"$JAVA" $NATIVE $JVM_OPTS -cp "$MEASURE_CP" org.harbor.bench.UnlockBenchmark measure "$VAULT" "$ROUNDS" 2>/dev/null
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
