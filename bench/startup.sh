#!/usr/bin/env bash
# Start-up time (DESIGN.md section 9: start to login window <= 1.3 x a minimal JavaFX window,
# same JVM and flags). Wall time from process start to the first frame, in one run, alternating:
#
#   (a) a minimal JavaFX window (src/test/java/org/harbor/bench/MinimalWindow.java), packaged
#       like Harbor: a jpackage launcher on Harbor's own jlinked runtime, the java-options of
#       installer/jpackage/launcher.args, and its own AOT cache trained the same way;
#   (b) Harbor's login window (a vault made once with the command line);
#   (c) Harbor's first-run window (a fresh HARBOR_HOME every run).
#
#   bench/startup.sh [runs]     runs per window, default 7, after one discarded warm-up round
#   AOT=off bench/startup.sh    the same with the AOT caches switched off (-XX:AOTMode=off)
#
# "First frame" is the HARBOR_FIRST_FRAME line that both print at the first pulse after
# stage.show() under -Dharbor.reportFirstFrame=true; -Dharbor.training=true closes them after
# it. Both properties reach both launchers the same way (JAVA_TOOL_OPTIONS). Needs the app image
# (built with installer/build.sh --image when missing or older than the sources) and a display ($DISPLAY, else a private
# Xvfb). Prints medians and ratios; exits 1 when the login window misses the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

RUNS=${1:-7}
AOT=${AOT:-on}
BUDGET=1.3
APP=target/dist/Harbor
WORK=target/bench-startup
MINIMAL=$WORK/Minimal

# an image older than the sources (or the launcher's options) is not this commit's: built again
if [ ! -x "$APP/bin/Harbor" ] || [ -n "$(find src/main installer/jpackage pom.xml -newer "$APP/lib/app/harbor.jar" -type f -print -quit 2>/dev/null)" ]; then
  installer/build.sh --image
fi
echo "app image: $APP, built $(date -r "$APP/lib/app/harbor.jar" '+%F %T')"

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

echo "packaging the minimal window on Harbor's runtime"
rm -rf "$WORK"
mkdir -p "$WORK/input"
mvn -B -q ${HARBOR_MVN_FLAGS:-} test-compile
(cd target/test-classes && "$JAVA_HOME/bin/jar" --create --file "../../$WORK/input/minimal.jar" org/harbor/bench/MinimalWindow*.class \
  -C ../classes org/harbor/app/Rendering.class)
# JavaFX: in the runtime image when the build links it there, else jars beside the app's.
if compgen -G "$APP/lib/app/javafx-*.jar" >/dev/null; then cp "$APP"/lib/app/javafx-*.jar "$WORK/input/"; fi
# Harbor's launcher options, with the minimal window's own cache file.
grep '^--java-options' installer/jpackage/launcher.args | sed 's/harbor\.aot/minimal.aot/' > "$WORK/java-options.args"
"$JAVA_HOME/bin/jpackage" --type app-image --name Minimal --dest "$WORK" --input "$WORK/input" \
  --main-jar minimal.jar --main-class org.harbor.bench.MinimalWindow \
  --runtime-image "$APP/lib/runtime" @"$WORK/java-options.args"
installer/aot-train.sh "$MINIMAL" >/dev/null

echo "a vault for the login window"
printf '%s\n' 'benchmark vault passphrase' > "$WORK/passphrase"
HARBOR_HOME=$WORK/vault JAVA_TOOL_OPTIONS=-Dharbor.kdf.calibrate=false \
  "$APP/bin/Harbor" init --user bench --password-file "$WORK/passphrase" >/dev/null 2>&1

OPTIONS="-Dharbor.reportFirstFrame=true -Dharbor.training=true"
[ "$AOT" = off ] && OPTIONS="-XX:AOTMode=off $OPTIONS"

# Milliseconds from just before the process starts to its HARBOR_FIRST_FRAME line.
first_frame_ms() {
  local start end='' line
  start=$EPOCHREALTIME
  while IFS= read -r line; do
    if [ -z "$end" ] && [[ $line == HARBOR_FIRST_FRAME* ]]; then end=$EPOCHREALTIME; fi
  done < <(JAVA_TOOL_OPTIONS="$OPTIONS" "$@" 2>/dev/null)
  [ -n "$end" ] || { echo "no first frame from $*" >&2; return 1; }
  echo $(( (${end/./} - ${start/./}) / 1000 ))
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "measuring: $RUNS runs each after a warm-up round, alternating; AOT caches $AOT"
minimal=() login=() setup=()
for round in $(seq 0 "$RUNS"); do
  m=$(first_frame_ms "$MINIMAL/bin/Minimal")
  l=$(HARBOR_HOME=$WORK/vault first_frame_ms "$APP/bin/Harbor")
  s=$(HARBOR_HOME=$WORK/fresh-$round first_frame_ms "$APP/bin/Harbor")
  if [ "$round" -gt 0 ]; then
    minimal+=("$m") login+=("$l") setup+=("$s")
    printf '  round %d: minimal %d ms, login %d ms, first run %d ms\n' "$round" "$m" "$l" "$s"
  fi
done

M=$(echo "${minimal[*]}" | median)
L=$(echo "${login[*]}" | median)
S=$(echo "${setup[*]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
RL=$(ratio "$L" "$M")
RS=$(ratio "$S" "$M")
VERDICT=$(awk -v r="$RL" -v b="$BUDGET" 'BEGIN {print (r <= b) ? "within" : "OVER"}')
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)

REPORT=$(cat <<EOF
Start to first frame, median of $RUNS runs each, alternating; AOT caches $AOT
  (a) minimal JavaFX window        $M ms
  (b) Harbor, login window         $L ms   ratio $RL ($VERDICT the budget of $BUDGET)
  (c) Harbor, first-run window     $S ms   ratio $RS
machine: $(nproc) cores, $CPU, $(uname -sr); load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(date '+%F %H:%M')
EOF
)
echo
echo "$REPORT"
mkdir -p bench/results
echo "$REPORT" > "bench/results/startup-$(date +%F-%H%M)-aot-$AOT.txt"
[ "$VERDICT" = within ]
