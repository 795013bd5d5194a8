#!/usr/bin/env bash
# The case list at 10 000 synthetic cases: list, filter and search p50/p95 through the service,
# and the same FTS5 query on the encrypted file and an unencrypted copy, alternating query by query
# (so a change in a shared machine's load falls on both sides).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dharbor.kdf.calibrate=false \
  -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.harbor.bench.CaseListBenchmark "$@"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
