# Builds Harbor for Windows into target\dist\: the app image target\dist\Harbor\ and
# Harbor-<version>.msi.
#
# RUN ON WINDOWS ONLY (10 or 11, x64). It has not been run on the project's Linux build
# machines, which cannot make an .msi; it mirrors installer/build.sh step for step.
#
# Needs: JDK 25 (JAVA_HOME), Maven on PATH, and the WiX Toolset on PATH (jpackage makes the
# .msi with it; WiX 3.14, or WiX 4/5 with the wix.exe tool). Run from any folder:
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#
# Steps: Maven clean build and runtime jars -> one input folder -> modules from jdeps ->
# jpackage app image (jlinked runtime) -> AOT cache training run (a window opens and closes by
# itself) -> check the cache -> .msi. Maven resolves the Windows JavaFX jars on Windows.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

if (-not $env:JAVA_HOME) { throw 'Set JAVA_HOME to a JDK 25' }
$java = Join-Path $env:JAVA_HOME 'bin\java.exe'
$jdeps = Join-Path $env:JAVA_HOME 'bin\jdeps.exe'
$jpackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
$javaVersion = (& $java -version 2>&1 | Out-String)
if ($javaVersion -notmatch 'version "25') { throw "JAVA_HOME=$env:JAVA_HOME is not a JDK 25" }

$version = ([xml](Get-Content pom.xml)).project.version
$appVersion = $version -replace '-SNAPSHOT$', ''
$dist = 'target\dist'
$inputDir = 'target\jpackage-input'
$app = "$dist\Harbor"
$cfg = "$app\app\Harbor.cfg"

Write-Host '== 1/6 Maven: clean build, then the runtime dependencies into target\libs'
& mvn -B -q clean package dependency:copy-dependencies -DskipTests -DincludeScope=runtime "-DoutputDirectory=target/libs" `
  "-DexcludeArtifactIds=hamcrest-all,annotations,kotlin-stdlib-common"
if ($LASTEXITCODE -ne 0) { throw 'Maven failed' }

Write-Host '== 2/6 Input: harbor.jar and its dependencies; JavaFX modules apart (ADR 0007)'
# JavaFX's jars with the system's classifier (javafx-graphics-25.0.4-win.jar) are its modules,
# linked into the runtime; the classifier-less ones are empty and left out.
$fxDir = 'target\jpackage-fx'
New-Item -ItemType Directory -Force $inputDir, $fxDir | Out-Null
Copy-Item "target\harbor-$version.jar" "$inputDir\harbor.jar"
Get-ChildItem 'target\libs\*.jar' | ForEach-Object {
  if ($_.Name -match '^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$') { Copy-Item $_.FullName $fxDir }
  elseif ($_.Name -notlike 'javafx-*') { Copy-Item $_.FullName $inputDir }
}

Write-Host '== 3/6 Modules for the runtime'
$jars = Get-ChildItem "$inputDir\*.jar" | ForEach-Object { $_.FullName }
$modules = (& $jdeps -q --print-module-deps --ignore-missing-deps --multi-release 25 --module-path $fxDir --class-path "$inputDir\*" $jars 2>$null | Select-Object -Last 1).Trim()
$modules = (("$modules,jdk.localedata,javafx.controls,javafx.fxml" -split ',') | Sort-Object -Unique) -join ','
Write-Host $modules

Write-Host '== 4/6 jpackage: app image with a jlinked JDK 25 runtime'
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
# The argument files are quoted: a bare @ starts splatting in PowerShell.
& $jpackage --type app-image '@installer/jpackage/app.args' '@installer/jpackage/launcher.args' `
  --icon installer/icons/harbor.ico --input $inputDir --module-path $fxDir --add-modules $modules `
  --app-version $appVersion --dest $dist
if ($LASTEXITCODE -ne 0) { throw 'jpackage (app image) failed' }

Write-Host '== 5/6 AOT cache: a training run through the app image launcher'
# Same idea as installer/aot-train.sh: the launcher runs once with -XX:AOTCacheOutput instead
# of -XX:AOTCache and with -Dharbor.training=true (Harbor opens its login window and closes
# itself after the first frame); then the .cfg is put back. The login window needs a vault: a
# throwaway one, made with the floor key-derivation parameters.
$train = Join-Path ([System.IO.Path]::GetTempPath()) ("harbor-training-" + [guid]::NewGuid())
New-Item -ItemType Directory -Force $train | Out-Null
Set-Content -Path "$train\passphrase" -Value 'training vault passphrase'
$env:HARBOR_HOME = "$train\vault"
& "$app\runtime\bin\java.exe" --enable-native-access=ALL-UNNAMED -Dharbor.kdf.calibrate=false `
  -cp "$app\app\*" org.harbor.app.Main init --user training --password-file "$train\passphrase" | Out-Null
if ($LASTEXITCODE -ne 0) { throw 'could not create the training vault' }
$original = Get-Content $cfg
$training = ($original -replace '^java-options=-XX:AOTCache=', 'java-options=-XX:AOTCacheOutput=') + 'java-options=-Dharbor.training=true'
Set-Content -Path $cfg -Value $training
try {
  $run = Start-Process -FilePath "$app\Harbor.exe" -Wait -PassThru
  if ($run.ExitCode -ne 0) { throw "the training run exited with $($run.ExitCode)" }
} finally {
  Set-Content -Path $cfg -Value $original
}
if (-not (Test-Path "$app\app\harbor.aot")) { throw 'the training run wrote no AOT cache' }

# Check: with -XX:AOTMode=on the JVM refuses to start unless it can use the cache.
$env:JAVA_TOOL_OPTIONS = '-XX:AOTMode=on -Dharbor.training=true'
try {
  $check = Start-Process -FilePath "$app\Harbor.exe" -Wait -PassThru
  if ($check.ExitCode -ne 0) { throw 'the app image does not start with its AOT cache' }
} finally {
  Remove-Item Env:JAVA_TOOL_OPTIONS
  Remove-Item Env:HARBOR_HOME
  Remove-Item -Recurse -Force $train -ErrorAction SilentlyContinue
}
Write-Host "the app image starts with its AOT cache: $app"

Write-Host '== 6/6 .msi from the trained app image (WiX)'
& $jpackage --type msi --app-image $app '@installer/jpackage/app.args' '@installer/jpackage/windows.args' `
  --app-version $appVersion --dest $dist
if ($LASTEXITCODE -ne 0) { throw 'jpackage (msi) failed' }
Get-ChildItem "$dist\*.msi"
