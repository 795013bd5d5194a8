#!/usr/bin/env bash
# Sync on loopback (issue 18): upload throughput of a 200 MB package to the Helidon sync server,
# Harbor's client beside curl on the same server, TLS, path and 8 MiB signed chunks (medians of
# alternating rounds after a warm-up); then 50 field laptops (real vaults, real sealed cases)
# sending at once to a real central vault: p50/p95 time to receipt applied. Arguments: [MB,
# default 200] [rounds, default 3] [laptops, default 50]. Bounded: every step has a time limit and
# the script stops by itself; it listens on 127.0.0.1 only and removes its temporary files.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v curl >/dev/null || { echo "bench/sync.sh needs curl" >&2; exit 1; }
mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
timeout 30m "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  org.harbor.sync.SyncBenchmark "$@"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
