#!/usr/bin/env bash
# Export and import of 1 000 sealed cases with 200 MB of attachments, beside the age tool on the
# same bytes (DESIGN.md section 9), and beside the standard tools doing Harbor's whole job
# (age -r + minisign -S + sync; minisign -V + age -d). Arguments: [cases] [megabytes of
# attachments] [rounds, default 5]. The first export and import after a start are timed in a JVM
# of their own (cold); then medians of alternating warm rounds, wall and CPU time side by side.
# HARBOR_PACKAGE_FORMAT=1 measures package format 1 (ADR 0004); the default is format 2 (ADR 0016).
# HARBOR_JFR=FILE records the warm rounds' JVM with JDK Flight Recorder (jfr print --events
# jdk.ExecutionSample FILE, or JDK Mission Control, shows where the time goes).
# HARBOR_PROFILE=export|import profiles that step's warm rounds with async-profiler (fetched from
# Maven Central into target/) and writes the hottest frames and stacks to bench/results/;
# HARBOR_PROFILE_EVENT=wall samples wall-clock time per thread (where each waits) instead of CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in age minisign; do
  command -v "$tool" >/dev/null || { echo "bench/packages.sh needs the $tool tool (apt-get install age minisign)" >&2; exit 1; }
done
mvn -q -B ${HARBOR_MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
profile=()
classpath="target/test-classes:target/classes:$(cat target/test.classpath)"
if [[ -n ${HARBOR_PROFILE:-} ]]; then
  profiler=target/async-profiler
  if [[ ! -f $profiler/linux-x64/libasyncProfiler.so ]]; then
    mvn -q -B ${HARBOR_MVN_FLAGS:-} dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 -DoutputDirectory="$profiler" >/dev/null
    (cd "$profiler" && unzip -q -o async-profiler-4.1.jar 'linux-x64/*')
  fi
  report="bench/results/profile-packages-format${HARBOR_PACKAGE_FORMAT:-2}-$HARBOR_PROFILE-$(date +%F-%H%M).txt"
  profile=(-agentpath:"$PWD/$profiler/linux-x64/libasyncProfiler.so" -Dharbor.bench.profile="$HARBOR_PROFILE" -Dharbor.bench.profile.file="$report"
           -Dharbor.bench.profile.event="${HARBOR_PROFILE_EVENT:-itimer}")
  classpath="$classpath:$profiler/async-profiler-4.1.jar"
  echo "profiling the warm ${HARBOR_PROFILE}s into $report"
fi
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g ${HARBOR_JFR:+-XX:StartFlightRecording=filename=$HARBOR_JFR,settings=profile} "${profile[@]}" -Dharbor.bench.format="${HARBOR_PACKAGE_FORMAT:-2}" -cp "$classpath" \
  org.harbor.bench.PackageBenchmark "$@"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date '+%F %H:%M')"
