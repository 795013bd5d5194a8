#!/usr/bin/env bash
# Renders harbor.svg into the icon files jpackage needs. The outputs are committed, so a build
# on Windows or macOS does not need these tools; rerun this after editing the SVG.
# Needs rsvg-convert (Debian librsvg2-bin), convert (imagemagick) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" harbor.svg -o "$tmp/harbor-$size.png"
done
cp "$tmp/harbor-256.png" harbor-256.png   # Linux app image
cp "$tmp/harbor-256.png" ../linux/Harbor.png   # Linux menu entry: jpackage's --resource-dir
cp "$tmp/harbor-512.png" harbor-512.png
convert "$tmp"/harbor-{16,32,48,64,128,256}.png harbor.ico                 # Windows
png2icns harbor.icns "$tmp"/harbor-{16,32,128,256,512,1024}.png >/dev/null  # macOS
echo "icons written to $(pwd)"
