#!/usr/bin/env bash
# Builds Harbor for macOS into target/dist/: the app image target/dist/Harbor.app and
# Harbor-<version>.dmg.
#
# RUN ON macOS ONLY (13 or later, Apple silicon or Intel; the .dmg is for the architecture it
# is built on). It has not been run on the project's Linux build machines, which cannot make a
# .dmg; it mirrors installer/build.sh step for step.
#
# Needs: JDK 25 (JAVA_HOME), Maven, Xcode command-line tools (jpackage uses hdiutil and
# codesign). Run from a logged-in desktop session: the training run opens a window.
#
#   installer/build-macos.sh
#
# Signing: the app is not signed here, so Gatekeeper asks people to confirm the first start
# (right-click, Open). To sign, sign AFTER the training run, because writing the AOT cache into
# the bundle would break an earlier signature: add --mac-sign and --mac-signing-key-user-name
# to the .dmg step below, then notarise the .dmg with xcrun notarytool.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25' || {
  echo "build-macos.sh: JAVA_HOME=$JAVA_HOME is not a JDK 25" >&2; exit 1; }

DIST=target/dist
INPUT=target/jpackage-input
APP=$DIST/Harbor.app
CFG=$APP/Contents/app/Harbor.cfg
ARGS=installer/jpackage
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
APP_VERSION=${VERSION%-SNAPSHOT}

echo "== 1/6 Maven: clean build, then the runtime dependencies into target/libs"
# Maven picks the JavaFX jars for this Mac (mac or mac-aarch64 classifier).
mvn -B -q clean package dependency:copy-dependencies \
  -DskipTests -DincludeScope=runtime -DoutputDirectory=target/libs \
  -DexcludeArtifactIds=hamcrest-all,annotations,kotlin-stdlib-common

echo "== 2/6 Input: harbor.jar and its dependencies; JavaFX modules apart (ADR 0007)"
# JavaFX's jars with this Mac's classifier are its modules, linked into the runtime; the
# classifier-less ones are empty and left out.
FX=target/jpackage-fx
mkdir -p "$INPUT" "$FX"
cp "target/harbor-$VERSION.jar" "$INPUT/harbor.jar"
for jar in target/libs/*.jar; do
  name=$(basename "$jar")
  if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then cp "$jar" "$FX/"
  elif [[ $name != javafx-* ]]; then cp "$jar" "$INPUT/"
  fi
done

echo "== 3/6 Modules for the runtime"
MODULES=$("$JAVA_HOME/bin/jdeps" -q --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$FX" --class-path "$INPUT/*" "$INPUT"/*.jar 2>/dev/null)
MODULES=$(echo "$MODULES,jdk.localedata,javafx.controls,javafx.fxml" | tr ',' '\n' | sort -u | paste -sd, -)
echo "$MODULES"

echo "== 4/6 jpackage: app image with a jlinked JDK 25 runtime"
rm -rf "$DIST"
mkdir -p "$DIST"
"$JAVA_HOME/bin/jpackage" --type app-image @$ARGS/app.args @$ARGS/launcher.args @$ARGS/macos.args \
  --icon installer/icons/harbor.icns --input "$INPUT" --module-path "$FX" --add-modules "$MODULES" \
  --app-version "$APP_VERSION" --dest "$DIST"

echo "== 5/6 AOT cache: a training run through the app's launcher"
# As installer/aot-train.sh does on Linux: one start with -XX:AOTCacheOutput instead of
# -XX:AOTCache and -Dharbor.training=true (Harbor opens its login window and closes itself after
# the first frame); the .cfg is put back; a start with -XX:AOTMode=on (the JVM refuses to run
# without a usable cache) checks the result. The login window needs a vault: a throwaway one,
# made with the floor key-derivation parameters.
TRAIN=$(mktemp -d)
printf '%s\n' 'training vault passphrase' > "$TRAIN/passphrase"
HARBOR_HOME=$TRAIN/vault "$APP/Contents/runtime/Contents/Home/bin/java" --enable-native-access=ALL-UNNAMED \
  -Dharbor.kdf.calibrate=false -cp "$APP/Contents/app/*" org.harbor.app.Main \
  init --user training --password-file "$TRAIN/passphrase" >/dev/null
cp "$CFG" "$TRAIN/Harbor.cfg"
trap 'cp "$TRAIN/Harbor.cfg" "$CFG"; rm -rf "$TRAIN"' EXIT
sed -i '' 's|^java-options=-XX:AOTCache=|java-options=-XX:AOTCacheOutput=|' "$CFG"
echo 'java-options=-Dharbor.training=true' >> "$CFG"
HARBOR_HOME=$TRAIN/vault "$APP/Contents/MacOS/Harbor"
cp "$TRAIN/Harbor.cfg" "$CFG"
[ -s "$APP/Contents/app/harbor.aot" ] || { echo "build-macos.sh: no AOT cache written" >&2; exit 1; }
HARBOR_HOME=$TRAIN/vault JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Dharbor.training=true" "$APP/Contents/MacOS/Harbor" || {
  echo "build-macos.sh: the app does not start with its AOT cache" >&2; exit 1; }
echo "the app starts with its AOT cache: $APP"

echo "== 6/6 .dmg from the trained app"
"$JAVA_HOME/bin/jpackage" --type dmg --app-image "$APP" @$ARGS/app.args @$ARGS/macos.args \
  --app-version "$APP_VERSION" --dest "$DIST"
ls -l "$DIST"/*.dmg
