# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests share: lines meson shows in the test log
("# step", "ok - …", "not ok - …"), the count of failed checks, waiting
for something to happen, and the run of a test's main()."""

import sys
import time
import traceback

failures = 0


def step(message):
    print(f"# {message}", flush=True)


def check(condition, message):
    global failures
    if condition:
        print(f"ok - {message}", flush=True)
    else:
        failures += 1
        print(f"not ok - {message}", flush=True)


def wait_for(finder, what, timeout=30.0, interval=0.1, ignore=()):
    """What finder() returns once it is true; an exception of a kind in
    ignore counts as not yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = finder()
            if found:
                return found
        except ignore:
            pass
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def run(main):
    """Runs main() and exits 1 if it raised or a check failed."""
    sys.stdout.reconfigure(line_buffering=True)
    try:
        main()
        status = 1 if failures else 0
    except Exception:
        # dogtail takes over stderr; say what went wrong where meson shows it
        traceback.print_exc(file=sys.stdout)
        status = 1
    sys.exit(status)
