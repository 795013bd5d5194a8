#!/usr/bin/env bash
# Argon2id at the floor: Harbor's (memory off the heap, issue 16) against BouncyCastle's generator,
# medians of alternating rounds. Arguments: [rounds, default 9].
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
"$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.harbor.bench.Argon2Benchmark "$@"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
