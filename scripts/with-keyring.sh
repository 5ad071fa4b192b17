#!/usr/bin/env bash
# Runs its arguments inside a private D-Bus session with a throwaway, unlocked gnome-keyring,
# so keychain tests never touch (or need) the user's real keyring.
# Usage: bash scripts/with-keyring.sh npx vitest run -c vitest.keychain.config.ts
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool not found (apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

# Re-enter ourselves inside a fresh session bus; the bus (and the daemon with it) ends with the command.
if [ -z "${QUOTABAR_KEYRING_SESSION:-}" ]; then
  exec env QUOTABAR_KEYRING_SESSION=1 dbus-run-session -- bash "$0" "$@"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/quotabar-keyring.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# The keyring file lives under XDG_DATA_HOME, the control socket under XDG_RUNTIME_DIR: both throwaway.
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"

# --unlock reads the password on stdin, creating and unlocking a fresh "login" keyring with it.
daemon_env="$(printf '%s' "throwaway-$$-$RANDOM" | gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
  case "$line" in
    [A-Z_]*=*) export "${line?}" ;;
  esac
done <<<"$daemon_env"

"$@"
