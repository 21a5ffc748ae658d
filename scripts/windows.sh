#!/usr/bin/env bash
# Cross-builds the Windows release from Debian: build/bin/funneldesk.exe
# (cgo with mingw-w64, so go-sqlite3 works) and its NSIS installer
# build/bin/FunnelDesk-amd64-installer.exe (icon, Start-menu and desktop
# shortcuts, uninstaller; WebView2 installed by Microsoft's bootstrapper when
# missing, the Wails way). The version comes from `git describe`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"
version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
# Windows wants X.Y.Z: a vX.Y.Z tag gives it, otherwise wails.json's.
numeric=$(sed -nE 's/^v?([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' <<<"$version")
if [ -z "$numeric" ]; then
  numeric=$(sed -nE 's/.*"productVersion": *"([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' wails.json)
fi
printf '!define INFO_PRODUCTVERSION "%s"\n!define FD_VERSION "%s"\n' "$numeric" "$version" \
  >build/windows/installer/version.nsh
echo "windows: FunnelDesk $version (file version $numeric)"
(cd frontend && npm run build --silent)
# Without CGO_ENABLED=1 wails builds with cgo off and go-sqlite3 fails at run time.
CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
  wails build -s -skipbindings -platform windows/amd64 -nsis \
  -ldflags "-X funneldesk/backend/cli.Version=$version"
ls -l build/bin/funneldesk.exe build/bin/FunnelDesk-amd64-installer.exe
