#!/usr/bin/env bash
# Export and import of 1 000 sealed cases with 200 MB of attachments, beside the age tool on the
# same bytes (DESIGN.md section 9). Arguments: [cases] [megabytes of attachments].
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v age >/dev/null || { echo "bench/packages.sh needs the age tool (apt-get install age)" >&2; exit 1; }
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  org.harbor.bench.PackageBenchmark "$@"
