#!/usr/bin/env bash
# Form engine: autosave latency of one answer and time to the next question of a 200-question form.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dharbor.kdf.calibrate=false \
  -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.harbor.bench.FormBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
