#!/usr/bin/env bash
# Builds Harbor for Linux from a clean checkout into target/dist/:
#   target/dist/Harbor/                 the app image (launcher bin/Harbor, jlinked JDK 25 runtime)
#   target/dist/harbor_<version>_amd64.deb
#
#   installer/build.sh           app image and .deb
#   installer/build.sh --image   app image only (what bench/startup.sh needs)
#
# Needs JDK 25 (JAVA_HOME, default the Temurin path of this project's machines), Maven,
# dpkg-deb and fakeroot for the .deb, a display for the training run: $DISPLAY when set,
# else a private Xvfb (and xdotool with HARBOR_AOT_TRAINING=case-list). Extra Maven flags (such
# as -o) go in HARBOR_MVN_FLAGS.
#
# Steps: Maven clean build and runtime jars -> input folder (JavaFX apart) -> modules from
# jdeps -> jpackage app image (runtime jlinked with JavaFX) -> AOT cache training run and
# check -> .deb.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
IMAGE_ONLY=false
[ "${1:-}" = "--image" ] && IMAGE_ONLY=true

DIST=target/dist
INPUT=target/jpackage-input
APP=$DIST/Harbor
CFG=$APP/lib/app/Harbor.cfg
ARGS=installer/jpackage
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
APP_VERSION=${VERSION%-SNAPSHOT}   # jpackage wants numbers only

step() { printf '\n== %s\n' "$*"; }

"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25' || {
  echo "build.sh: JAVA_HOME=$JAVA_HOME is not a JDK 25" >&2; exit 1; }

step "1/6 Maven: clean build, then the runtime dependencies into target/libs"
# One Maven run, clean first: target/libs never holds a stale jar from an older build.
# Left out: jars JavaRosa's POM names that nothing runs (a test library, compile-time
# annotations, Kotlin's class-less common metadata); jdeps finds no reference to any of them.
mvn -B -q ${HARBOR_MVN_FLAGS:-} clean package dependency:copy-dependencies \
  -DskipTests -DincludeScope=runtime -DoutputDirectory=target/libs \
  -DexcludeArtifactIds=hamcrest-all,annotations,kotlin-stdlib-common

step "2/6 Input: harbor.jar and its dependencies; JavaFX's modules apart"
# JavaFX goes into the runtime image as named modules (ADR 0007): no "unsupported JavaFX
# configuration" warning at each start, and no look-up through every jar of the class path
# on the way to the first window. Maven gives each JavaFX module twice: a jar with the
# platform's classifier (the module) and an empty one without; only the former is linked.
FX=target/jpackage-fx
mkdir -p "$INPUT" "$FX"
cp "target/harbor-$VERSION.jar" "$INPUT/harbor.jar"
for jar in target/libs/*.jar; do
  name=$(basename "$jar")
  if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then cp "$jar" "$FX/"
  elif [[ $name != javafx-* ]]; then cp "$jar" "$INPUT/"
  fi
done
ls "$INPUT" "$FX"

step "3/6 Modules for the runtime"
MODULES=$("$JAVA_HOME/bin/jdeps" -q --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$FX" --class-path "$INPUT/*" "$INPUT"/*.jar 2>/dev/null)
# jdk.localedata: Spanish and Arabic dates and numbers (jlink keeps only en, es, ar).
MODULES=$(echo "$MODULES,jdk.localedata,javafx.controls,javafx.fxml" | tr ',' '\n' | sort -u | paste -sd, -)
echo "$MODULES"

step "4/6 jpackage: app image with a jlinked JDK 25 runtime"
# Temurin 25 ships no jmods (JEP 493): jlink links the JDK's modules from the running JDK,
# and jpackage says "No JDK Modules found" when given a module path. That is expected.
rm -rf "$DIST"
mkdir -p "$DIST"
"$JAVA_HOME/bin/jpackage" --type app-image @$ARGS/app.args @$ARGS/launcher.args \
  --icon installer/icons/harbor-256.png --input "$INPUT" --module-path "$FX" --add-modules "$MODULES" \
  --app-version "$APP_VERSION" --dest "$DIST"
grep -q 'AOTCache=$APPDIR/harbor.aot' "$CFG" || { echo "build.sh: $CFG has no AOTCache option" >&2; exit 1; }
"$APP/lib/runtime/bin/java" --list-modules | grep -q '^javafx.controls@' || {
  echo "build.sh: the runtime image has no javafx.controls" >&2; exit 1; }

step "5/6 AOT cache: a training run through the app image's launcher"
# By default the training run opens the login window (what people see at every start) and
# closes; the JVM writes the cache, and a start with -XX:AOTMode=on checks it. The login window
# needs a vault: a throwaway one, made with the floor key-derivation parameters. The cache is
# loaded whole at every start, so first-run classes would slow it.
#
# HARBOR_AOT_TRAINING=case-list trains through a log-in and the first case list instead: xdotool
# logs in on the real window and opens the case list, as a person does after a start (ADR 0007,
# amendment of 2026-12-05); Harbor closes itself once the list is laid out. The vault then holds
# 300 synthetic cases (made-up names, the floor key-derivation parameters), made by the unlock
# benchmark's fill in a JVM of its own, with a passphrase drawn for this build. Not the default:
# side by side it took about 0.15 s off the first log-in after a start and put about 0.3 s on
# every start (bench/startup.sh, login window 1804-1928 ms against 1456-1592 ms, 4 runs each).
TRAIN=$(mktemp -d)
trap 'rm -rf "$TRAIN"' EXIT
if [ "${HARBOR_AOT_TRAINING:-login-window}" = case-list ]; then
  if ! command -v xdotool >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -qq --no-install-recommends xdotool >/dev/null
    else echo "build.sh: the AOT training run needs xdotool (sudo apt-get install xdotool)" >&2; exit 1; fi
  fi
  printf 'training %s\n' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" > "$TRAIN/passphrase"
  "$APP/lib/runtime/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:$APP/lib/app/*" \
    org.harbor.bench.UnlockBenchmark fill "$TRAIN/vault" 300 training "$TRAIN/passphrase" > "$TRAIN/fill.log" 2>&1 || {
    cat "$TRAIN/fill.log" >&2; exit 1; }
  HARBOR_HOME=$TRAIN/vault installer/aot-train.sh "$APP" --log-in training "$TRAIN/passphrase"
else
  printf '%s\n' 'training vault passphrase' > "$TRAIN/passphrase"
  HARBOR_HOME=$TRAIN/vault "$APP/lib/runtime/bin/java" --enable-native-access=ALL-UNNAMED \
    -Dharbor.kdf.calibrate=false -cp "$APP/lib/app/*" org.harbor.app.Main \
    init --user training --password-file "$TRAIN/passphrase" > "$TRAIN/init.log" 2>&1 || {
    cat "$TRAIN/init.log" >&2; exit 1; }
  HARBOR_HOME=$TRAIN/vault installer/aot-train.sh "$APP"
fi

if [ "$IMAGE_ONLY" = true ]; then
  exit 0
fi

step "6/6 Debian package from the trained app image"
"$JAVA_HOME/bin/jpackage" --type deb --app-image "$APP" @$ARGS/app.args @$ARGS/linux.args \
  --app-version "$APP_VERSION" --dest "$DIST"
ls -l "$DIST"/*.deb
