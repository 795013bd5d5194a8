#!/usr/bin/env bash
# The central store at scale (issue 17): import throughput PostgreSQL vs the SQLite central vault
# for the same packages; then synthetic cases from 500 devices written straight into PostgreSQL in
# the store's encrypted form (CentralGenerator: COPY, 1 000 cases a transaction, resumable: run it
# again after a stop and it goes on); then search by name, case list pages with each filter,
# duplicate candidates for one person p50/p95, and resident memory.
# Needs a PostgreSQL server: eval "$(sudo .ci/pg-test-cluster.sh start)" (HARBOR_PG_PORT=... for
# another port). The generated data is under the keys of a central vault kept in HARBOR_BENCH_HOME
# (default /tmp/harbor-bench-central); a database under other keys is emptied.
# CENTRAL_BENCH_ONLY_DUPLICATES=1 with the query step measures only duplicate candidates and memory.
# Arguments: [cases, default 1000000] [devices, default 500] [generator threads, default 2]
#            [steps, default import,generate,query; e.g. "generate" alone, then "query" later]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
: "${HARBOR_TEST_PG_URL:?start the test server first: eval \"\$(sudo .ci/pg-test-cluster.sh start)\"}"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -Dharbor.kdf.calibrate=false \
  -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.harbor.central.CentralBenchmark "$@"
