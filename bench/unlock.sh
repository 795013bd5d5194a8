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
#   UNLOCK_TEST_CLASSES=DIR bench/unlock.sh  with UNLOCK_CLASSES: the benchmark's own classes of
#                                         that code too (where the benchmark changed with it)
#   UNLOCK_NO_BUILD=1 bench/unlock.sh     skips the build (target/ is already compiled)
#   UNLOCK_DIAGNOSE=DIR bench/unlock.sh   at the login window and after rounds 1, 3 and the last: the heap's class
#                                         histogram and (with -XX:NativeMemoryTracking=summary in
#                                         HARBOR_JVM_OPTS) native memory, to files in DIR; with
#                                         UNLOCK_NODES=1 also the nodes on screen drawn off screen
#                                         first (effect, opacity, clip, cache), which take memory
#   HARBOR_JFR=FILE bench/unlock.sh       records the measuring run with JDK Flight Recorder
#   UNLOCK_IMAGE=target/dist/Harbor bench/unlock.sh
#                                         measures as the installed app starts: the app image's own
#                                         runtime, class path and launcher options (its .cfg), so its
#                                         AOT cache applies (-XX:AOTMode=on: the run fails if the cache
#                                         cannot be used); the benchmark's classes in a jar appended
#                                         to the class path, which an AOT cache allows. The image is
#                                         built by installer/build.sh from the same code.
#   UNLOCK_IMAGE=... UNLOCK_AOT=off bench/unlock.sh   the same image without its AOT cache
#   HARBOR_PROFILE=coldList bench/unlock.sh   profiles the first case list after the start (round 1)
#                                         (coldLogin: the first log-in; HARBOR_PROFILE_EVENT=wall:
#                                         wall clock, where each thread waits)
#                                         with async-profiler (fetched from Maven Central into
#                                         target/), per thread: hottest frames and stacks to
#                                         bench/results/, the FX thread's own in a .fx file
#
# Fills a vault through CaseService in one JVM, then measures in a fresh one (so the memory is
# that of a start, not of the fill) under $DISPLAY, else a private Xvfb. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CASES=${1:-10000}
ROUNDS=${2:-11}
[ -n "${UNLOCK_NO_BUILD:-}" ] || mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
CP="${UNLOCK_TEST_CLASSES:-target/test-classes}:${UNLOCK_CLASSES:-target/classes}:$(cat target/test.classpath)"
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
REPORT=
if [ -n "${HARBOR_PROFILE:-}" ]; then
  profiler=target/async-profiler
  if [[ ! -f $profiler/linux-x64/libasyncProfiler.so ]]; then
    mvn -q -B ${HARBOR_MVN_FLAGS:-} dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 -DoutputDirectory="$profiler" >/dev/null
    (cd "$profiler" && unzip -q -o async-profiler-4.1.jar 'linux-x64/*')
  fi
  mkdir -p bench/results
  REPORT=bench/results/profile-unlock-$HARBOR_PROFILE-$(date +%F-%H%M).txt
  JVM_OPTS="$JVM_OPTS -agentpath:$PWD/$profiler/linux-x64/libasyncProfiler.so -Dharbor.bench.profile=$HARBOR_PROFILE -Dharbor.bench.profile.event=${HARBOR_PROFILE_EVENT:-itimer} -Dharbor.bench.profile.threads=true -Dharbor.bench.profile.file=$REPORT"
  MEASURE_CP="$MEASURE_CP:$profiler/async-profiler-4.1.jar"
  echo "profiling the $HARBOR_PROFILE into $REPORT"
fi
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
if [ -n "$REPORT" ] && [ -f "$REPORT.collapsed" ]; then
  # the FX thread's stacks alone, and its hottest frames (self time), from the collapsed stacks
  grep '^\[JavaFX Application Thread' "$REPORT.collapsed" > "$REPORT.fx" || true
  echo "FX thread: $(awk '{s += $NF} END {print s + 0}' "$REPORT.fx") samples of 1 ms; hottest frames (self):"
  awk '{n = $NF; sub(/ [0-9]+$/, ""); k = split($0, f, ";"); self[f[k]] += n} END {for (x in self) print self[x], x}' "$REPORT.fx" | sort -rn | head -25
fi
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
