#!/usr/bin/env bash
# Make Debian's Chromium available for the browser tests (never a browser download of Playwright's).
# As root with apt-get (CI, Binder-like containers): installs the `chromium` package if missing.
# Otherwise it says what to do; the browser tests then skip locally, and under CI (CI set) this
# script and the tests fail.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
  echo "apt-get could not install chromium" >&2
  exit 1
fi
echo "Note: /usr/bin/chromium is missing; install it (sudo apt-get install chromium) to run the browser tests." >&2
if [ -n "${CI:-}" ]; then
  echo "CI is set: the browser tests must run, so this is an error." >&2
  exit 1
fi
exit 0
