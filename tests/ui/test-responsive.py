#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
Years of cramps and a window that goes on answering: on a diary of
50 000 cramps over four years, the report's period is changed to the
Whole Diary with the keyboard, as a screen reader user would, and the
window is asked through the accessibility tree, again and again, while
the period is worked out. Each answer must come within a second; at the
time this was written the page's whole work was done on the main thread
and the window did not answer for as long as it took.

Openbox gives the window the keyboard focus, so that keys reach the
period's list. The app runs under libfaketime, on a fixed afternoon.
The test runs on a D-Bus session of its own (meson starts it under
dbus-run-session), with an accessibility bus of its own: the display's
AT_SPI_BUS property, which another test's bus may have left behind,
is taken away before and after.
"""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from a11y import fixed_clock, find, on_screen, wait_for  # noqa: E402
from dogtail.tree import root  # noqa: E402
from tap import check, run, step  # noqa: E402

BINARY = os.environ["CRAMP_DIARY_BIN"]
N_CRAMPS = 50000
# before the fixed afternoon of a11y.AFTERNOON
LAST = datetime.datetime(2026, 11, 19, 3, 0)


def forget_accessibility_bus():
    """Takes away the display's note of an accessibility bus: one that
    ended with its session would be tried first, and fail."""
    subprocess.run(["xprop", "-root", "-remove", "AT_SPI_BUS"], check=True)


def key(name):
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)


def write_diary(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,started_at,muscle\n")
        for i in range(N_CRAMPS):
            when = LAST - datetime.timedelta(minutes=41 * i)
            f.write(f"{i:08x}-0000-4000-8000-000000000000,{when.strftime('%Y-%m-%dT%H:%M:00')}+01:00,calf\n")


def summary(window):
    """The report's first sentence: "N cramps in D days, …"."""
    label = window.findChild(lambda n: n.roleName == "label" and " cramps in " in (n.name or "") and on_screen(n),
                             retry=False, requireResult=False)
    return label.name if label else ""


def main():
    home = tempfile.mkdtemp(prefix="cramp-responsive-")
    env = fixed_clock(dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                           XDG_CONFIG_HOME=os.path.join(home, "config"), GTK_A11Y="atspi"))
    env.pop("NO_AT_BRIDGE", None)
    csv_path = os.path.join(home, "cramps.csv")
    processes = []

    forget_accessibility_bus()
    try:
        write_diary(csv_path)
        subprocess.run([BINARY, "--import", csv_path], env=env, check=True, capture_output=True)
        processes.append(subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        processes.append(subprocess.Popen([BINARY], env=env))

        app = wait_for(lambda: root.application("cramp-diary"), "the application", timeout=30)
        window = wait_for(lambda: find(app, "frame", "Cramp Diary"), "the main window", timeout=30)

        step("the report of the last 90 days")
        find(window, "page tab", "Report").doActionNamed("click")
        before = wait_for(lambda: " in 90 days" in summary(window) and summary(window), "the report of 90 days",
                          timeout=30)
        check(True, f"the report says: {before[:40]}…")

        period = wait_for(lambda: find(window, "label", prefix="From "), "the period's line")
        period_before = period.name

        step("the Whole Diary, chosen with the keyboard")
        button = wait_for(lambda: find(window, "push button", "Period of the report"), "the period's button")
        button.doActionNamed("click")
        wait_for(lambda: find(app, "label", "Whole Diary"), "the list of periods")
        # from the first period down to the fourth, the whole diary
        for name in ["Home", "Down", "Down", "Down", "Return"]:
            key(name)

        # one question to the window at a time, each a single call: the
        # period's line, which changes once the whole diary is shown
        longest, asked, asked_before = 0.0, 0, 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            started = time.monotonic()
            said = period.name
            longest = max(longest, time.monotonic() - started)
            asked += 1
            if said != period_before:
                break
            asked_before += 1
            time.sleep(0.02)

        check(said != period_before, f"the period's line changed: {said}")
        shown = wait_for(lambda: f"{N_CRAMPS} cramps in" in summary(window) and summary(window), "the whole diary")
        check(True, f"the report is of the whole diary: {shown[:40]}…")
        check(longest < 1.0, f"the window answered each of {asked} questions within a second "
                             f"(the longest {longest * 1000:.0f} ms)")
        check(asked_before >= 2, f"{asked_before} of them while the whole diary was being worked out")
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait()
        shutil.rmtree(home, ignore_errors=True)
        forget_accessibility_bus()


run(main)
