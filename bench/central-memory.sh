#!/usr/bin/env bash
# Resident memory of the central desktop app with the central store on PostgreSQL (issue 17:
# at most 400 MB with 1 000 000 cases), in the real window with the launcher's JVM options, under
# $DISPLAY, else a private Xvfb: the central office with the first page of its case list on screen.
# Run bench/central.sh (generate) first: this opens the same bench central vault
# (HARBOR_BENCH_HOME, default /tmp/harbor-bench-central), whose keys the generated cases are under,
# and points it at the server of HARBOR_TEST_PG_* when it is not yet. Not run by CI.
#   HARBOR_JVM_OPTS="..." bench/central-memory.sh     other JVM options for the measuring run
#   CENTRAL_MEMORY_LOG=FILE                          where the app's standard error goes (default: nowhere)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
: "${HARBOR_TEST_PG_URL:?start the test server first: eval \"\$(sudo .ci/pg-test-cluster.sh start)\"}"
HOME_DIR=${HARBOR_BENCH_HOME:-/tmp/harbor-bench-central}
[ -d "$HOME_DIR" ] || { echo "no bench central vault in $HOME_DIR: run bench/central.sh ... generate first" >&2; exit 1; }
[ -n "${CENTRAL_MEMORY_NO_BUILD:-}" ] || mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/test.classpath)"
LAUNCHER_OPTS=$(sed -n 's/^--java-options //p' installer/jpackage/launcher.args | grep -v -e AOTCache -e enable-native-access | tr '\n' ' ')
JVM_OPTS=${HARBOR_JVM_OPTS-$LAUNCHER_OPTS}
echo "JVM options of the measuring run: ${JVM_OPTS:-none}"
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  n=77
  while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $JVM_OPTS -Dharbor.kdf.calibrate=false -cp "$CP" \
  org.harbor.bench.CentralMemoryBenchmark "$HOME_DIR" "$HARBOR_TEST_PG_URL" "$HARBOR_TEST_PG_USER" "$HARBOR_TEST_PG_PASSWORD_FILE" 2>"${CENTRAL_MEMORY_LOG:-/dev/null}"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
