#!/usr/bin/env bash
# Validates the Prometheus alerting rules (promtool check rules) and runs their unit tests
# (promtool test rules). Installs promtool from Debian's prometheus package when missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool >/dev/null 2>&1; then
  echo "Installing promtool (Debian package prometheus)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  ${sudo} apt-get update
  ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus
fi

promtool check rules alerts.yml
promtool test rules alerts-test.yml
echo "Prometheus alerting rules: valid, unit tests passed"
