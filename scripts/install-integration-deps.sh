#!/usr/bin/env bash
# Installs the outside programs the integration tests drive, from Debian's packages.
set -euo pipefail
need=()
command -v pre-commit >/dev/null || need+=(pre-commit)
command -v git >/dev/null || need+=(git)
command -v nvim >/dev/null || need+=(neovim)
# The HTML report and Mermaid tests drive Debian's Chromium with playwright-core.
command -v chromium >/dev/null || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
