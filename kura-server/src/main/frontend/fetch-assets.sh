#!/usr/bin/env bash
# Fetches the portal's front-end files from npm (see assets.tsv), verifies each tarball against its
# pinned sha512 integrity, and copies the named file under target/. Run by Maven (generate-resources).
# Without npm the build goes on with a warning: the portal works, the IIIF viewer page says it is
# not bundled, and the axe-core accessibility test fails (CI installs npm; see .ci/run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fetch-assets.sh TARGET_DIR}"
cache="$target/npm-packs"
if ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] npm not found: the IIIF viewer (Mirador), the map (Leaflet, base map) and axe-core are not bundled (apt-get install npm)" >&2
  exit 0
fi
mkdir -p "$cache"
grep -v '^#' "$here/assets.tsv" | while IFS=$'\t' read -r pkg version integrity file dest; do
  [ -n "$pkg" ] || continue
  out="$target/$dest"
  [ -s "$out" ] && continue
  tgz="$cache/$pkg-$version.tgz"
  if [ ! -s "$tgz" ]; then
    (cd "$cache" && npm pack --silent --prefer-offline "$pkg@$version" >/dev/null) || {
      echo "[WARNING] npm pack $pkg@$version failed: $dest not bundled" >&2; continue; }
  fi
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "[ERROR] $pkg@$version: integrity $actual does not match the pinned $integrity" >&2
    rm -f "$tgz"
    exit 1
  fi
  mkdir -p "$(dirname "$out")"
  tar -xzf "$tgz" -O "$file" > "$out.tmp" && mv "$out.tmp" "$out"
  echo "bundled $pkg@$version $file -> $dest"
done
