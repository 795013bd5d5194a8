#!/usr/bin/env bash
# The central store at scale (issue 17): synthetic cases from 500 devices on PostgreSQL; search by
# name, case list pages and duplicate candidates p50/p95; import throughput PostgreSQL vs the
# SQLite central vault; resident memory. Needs a PostgreSQL test server: eval "$(sudo .ci/pg-test-cluster.sh start)"
# (the bench empties its database). Arguments: [cases, default 1000000] [devices, default 500] [loader threads, default 2].
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
: "${HARBOR_TEST_PG_URL:?start the test server first: eval \"\$(sudo .ci/pg-test-cluster.sh start)\"}"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -Dharbor.kdf.calibrate=false \
  -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.harbor.central.CentralBenchmark "$@"
