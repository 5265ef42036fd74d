#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
The morning check-in, end to end, on a D-Bus session of the test's own
with a real notification daemon (dunst), as test-reminders.py does the
bedtime reminder (whose helpers it shares):

- `cramp-diary --background` with only the check-in on maps no window
  and asks "How was your night?" at the set minute, with Quiet Night and
  Open Diary and nothing about health;
- Quiet Night, chosen in dunst's own menu, records last night as quiet
  in the diary with the window closed; the check-in comes once;
- a night that already has a record gets no check-in;
- while an experiment of a kind other than stretching runs, Quiet Night,
  Did It records the night quiet and the experiment done on it.

The service runs under faketime, its clock started a few seconds before
the check-in's minute on a fixed morning.
"""

import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, run, step, wait_for  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "reminders", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-reminders.py"))
reminders = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reminders)

BINARY = os.environ["CRAMP_DIARY_BIN"]
CHECKIN = "08:00"
LEAD_S = 20
LATE_S = 30


def nights(home):
    path = os.path.join(home, "data", "cramp-diary", "diary.sqlite3")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return [tuple(row) for row in db.execute("SELECT night, quiet FROM nights ORDER BY night")]


def done_nights(home):
    path = os.path.join(home, "data", "cramp-diary", "diary.sqlite3")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return [tuple(row) for row in db.execute(
            "SELECT e.name, d.night, d.done FROM experiment_days d JOIN experiments e ON e.id = d.experiment"
            " ORDER BY d.night")]


def start_service(env, morning):
    """The service, its clock LEAD_S seconds before the check-in of
    @morning."""
    reminders.EVENING = morning
    hour, minute = map(int, CHECKIN.split(":"))
    total = hour * 3600 + minute * 60 - LEAD_S
    return reminders.Faked([BINARY, "--background"], f"{total // 3600:02}:{total % 3600 // 60:02}:{total % 60:02}",
                           env)


def test_checkin(home, env):
    # a diary with one cramp, on another night
    cramps = os.path.join(home, "cramps.csv")
    with open(cramps, "w", encoding="utf-8") as f:
        f.write("started_at,muscle\n2026-11-10T03:00:00+01:00,calf\n")
    subprocess.run([BINARY, "--import", cramps], env=env, check=True, capture_output=True)

    reminders.write_settings(home, **{"checkin-enabled": "true", "checkin-time": f"'{CHECKIN}'"})
    monitor = reminders.Monitor(env, os.path.join(home, "monitor.txt"))
    dunst = reminders.start_dunst(home, env)
    started = time.time()
    service = start_service(env, "2027-01-14")
    due = started + LEAD_S

    try:
        step(f"the check-in comes at {CHECKIN}, without a window")
        time.sleep(3)
        check(service.poll() is None, "the service keeps running")
        windows = reminders.mapped_windows(service.pid)
        check(windows == [], f"it maps no window ({len(windows)} mapped)")
        first = wait_for(lambda: monitor.calls(), "the check-in", timeout=LEAD_S + 2 * LATE_S)[0]
        late = first["time"] - due
        check(0 <= late < LATE_S, f"it came {late:.1f} s after {CHECKIN}")
        check(first["summary"] == "How was your night?", f"its summary is “{first['summary']}”")
        check(not re.search(r"cramp|pain|medic|sleep", first["body"], re.I),
              f"its body says nothing of health: “{first['body']}”")
        check(first["actions"].get("quiet") == "Quiet Night" and first["actions"].get("open") == "Open Diary"
              and "quiet-done" not in first["actions"],
              f"its actions are {sorted(first['actions'].values())}")
        wait_for(lambda: reminders.displayed(env) == 1, "dunst to display it")

        step("Quiet Night, from the notification, with no window")
        reminders.choose_in_dunst(home, env, "quiet")
        wait_for(lambda: nights(home) == [("2027-01-13", 1)], "the night of 13 January, quiet, in the diary")
        check(True, "the night of 13 January is recorded quiet")
        check(reminders.mapped_windows(service.pid) == [], "and no window opened")
        time.sleep(5)
        check(len(monitor.calls()) == 1, "it came once")
    finally:
        service.terminate()

    step("a night that was told already gets no check-in")
    nights_csv = os.path.join(home, "nights.csv")
    with open(nights_csv, "w", encoding="utf-8") as f:
        f.write("night,quiet\n2027-01-14,true\n")
    subprocess.run([BINARY, "--import-nights", nights_csv], env=env, check=True, capture_output=True)
    service = start_service(env, "2027-01-15")
    try:
        time.sleep(LEAD_S + LATE_S)
        check(service.poll() is None, "the service keeps running")
        check(len(monitor.calls()) == 1, f"no check-in came ({len(monitor.calls()) - 1} more)")
    finally:
        service.terminate()

    step("while an experiment runs: Quiet Night, Did It")
    # a stretching one asks nothing: its stretch log says it
    for name, kind in (("Magnesium", "supplement"), ("Stretching", "stretching")):
        subprocess.run([BINARY, "--add-experiment", name, "--kind", kind, "--start", "2027-01-10"], env=env,
                       check=True, capture_output=True)
    service = start_service(env, "2027-01-16")
    try:
        calls = wait_for(lambda: monitor.calls()[1:], "the check-in", timeout=LEAD_S + 2 * LATE_S)
        check(calls[0]["actions"].get("quiet-done") == "Quiet Night, Did It",
              f"its actions are {sorted(calls[0]['actions'].values())}")
        wait_for(lambda: reminders.displayed(env) == 1, "dunst to display it")
        reminders.choose_in_dunst(home, env, "quiet-done")
        wait_for(lambda: done_nights(home) == [("Magnesium", "2027-01-15", 1)],
                 "magnesium done on the night of 15 January")
        check(("2027-01-15", 1) in nights(home), "the night of 15 January is recorded quiet")
        check(True, "magnesium is recorded done on it, and nothing of stretching")
    finally:
        service.terminate()
        monitor.stop()
        dunst.terminate()
        dunst.wait(timeout=10)


def main():
    home = tempfile.mkdtemp(prefix="cramp-checkin-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="keyfile",
               TZ="Europe/Berlin")
    try:
        test_checkin(home, env)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    run(main)
