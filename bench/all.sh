#!/usr/bin/env bash
# Every benchmark of the README's performance table, one after the other, each with the date, the
# machine and the load average before and after it, into one log (issue 16's acceptance: every
# figure rerun with date, machine and load). Run it on a machine doing nothing else.
#   bench/all.sh [log, default /tmp/harbor-bench-all.log]
# The central store is not in it: it needs a PostgreSQL server and, at 1 000 000 cases, several
# minutes of generation (bench/central.sh and bench/central-memory.sh, see bench/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
LOG=${1:-/tmp/harbor-bench-all.log}
: > "$LOG"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr); commit $(git rev-parse --short HEAD)" | tee -a "$LOG"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
run() {
  echo "=== $* — $(date '+%F %H:%M:%S'), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
  "$@" >> "$LOG" 2>&1 || echo "!!! $* failed with $?" | tee -a "$LOG"
  echo "=== end $1 — $(date '+%F %H:%M:%S'), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
}
run bench/coach.sh
run bench/forms.sh
run bench/cases.sh
run bench/argon2.sh 7
run bench/blake2b.sh 11
UNLOCK_NO_BUILD=1 run bench/unlock.sh 10000 11
run bench/startup.sh 21
# the first log-in as users meet it: the app image startup.sh built, with its AOT cache (its own
# build step: the image build cleaned target/, the test classes with it)
UNLOCK_IMAGE=target/dist/Harbor run bench/unlock.sh 10000 11
run bench/packages.sh 1000 200 5
HARBOR_PACKAGE_FORMAT=1 run bench/packages.sh 1000 200 5
run bench/sync.sh 200 3 50
echo "done $(date '+%F %H:%M:%S')" | tee -a "$LOG"
