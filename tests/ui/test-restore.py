#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
Damaged diaries, through the accessibility tree: the window explains
what is wrong and restores a backup, keeping the damaged file aside; a
diary that opens but is damaged inside is found by the check after the
first frame.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from a11y import find, find_all, wait_for  # noqa: E402
from dogtail import rawinput  # noqa: E402
from dogtail.tree import root  # noqa: E402
from tap import check, run, step  # noqa: E402

BINARY = os.environ["CRAMP_DIARY_BIN"]
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
# restoring copies and renames files: a little more time than elsewhere
TIMEOUT = 15.0


def cli(env, *args):
    done = subprocess.run([BINARY, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"cramp-diary {' '.join(args)} ended with {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def exported(env):
    # the header is not a cramp; no note holds a line break
    return len(cli(env, "--export", "-").splitlines()) - 1


def start_app(env):
    process = subprocess.Popen([BINARY], env=env)
    app = wait_for(lambda: [a for a in root.applications() if a.get_process_id() == process.pid],
                   "the application", TIMEOUT)[0]
    window = wait_for(lambda: find(app, "frame", "Cramp Diary"), "the main window", TIMEOUT)
    return process, app, window


def stop_app(process):
    process.terminate()
    process.wait(timeout=10)


def main():
    home = tempfile.mkdtemp(prefix="cramp-restore-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    folder = os.path.join(home, "data", "cramp-diary")
    diary = os.path.join(folder, "diary.sqlite3")
    backup = os.path.join(home, "good backup.sqlite3")
    process = None

    try:
        cli(env, "--import", os.path.join(FIXTURES, "red-flags.csv"))
        backed_up = exported(env)
        cli(env, "--backup", backup)
        cli(env, "--import", os.path.join(FIXTURES, "athlete.csv"))

        step("a diary that is garbage: the window says so, and touches nothing")
        with open(diary, "wb") as f:
            f.write(b"garbage where a diary was")
        process, app, window = start_app(env)
        check(find(window, "label", "The Diary Cannot Be Opened") is not None, "the window says it cannot open it")
        check(find(window, "label", prefix="The diary") is not None
              and "damaged" in find(window, "label", prefix="The diary").name, "and why")
        with open(diary, "rb") as f:
            check(f.read() == b"garbage where a diary was", "the file is as it was")

        step("restore from a backup, from that page")
        find(window, "push button", "Restore from a Backup…").doActionNamed("click")
        chooser = wait_for(lambda: [w for w in app.children if w.name == "Restore the Diary from a Backup"],
                           "the file chooser", TIMEOUT)
        check(len(chooser) == 1, "a file chooser opens on the backups")
        rawinput.keyCombo("<Control>l")
        rawinput.typeText(backup)
        rawinput.pressKey("Return")
        window = wait_for(lambda: find(app, "frame", "Cramp Diary") and
                          find_all(find(app, "frame", "Cramp Diary"), "push button", "Delete the cramp of"),
                          "the restored history", TIMEOUT)
        check(True, "the window opens on the restored diary")
        check(exported(env) == backed_up, f"the diary holds the backup's {backed_up} cramps")
        damaged = [n for n in os.listdir(folder) if n.startswith("diary-damaged-") and n.endswith(".sqlite3")]
        check(len(damaged) == 1, f"the damaged file is kept aside as {damaged}")
        with open(os.path.join(folder, damaged[0]), "rb") as f:
            check(f.read() == b"garbage where a diary was", "as it was")
        stop_app(process)
        process = None

        step("a diary damaged inside: found after the first frame")
        with open(diary, "r+b") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            check(size >= 4 * 4096, f"the diary has {size // 4096} pages")
            f.seek(2 * 4096)
            f.write(b"\x5a" * 4096)
        process, app, window = start_app(env)
        wait_for(lambda: find(window, "label", "The Diary Cannot Be Opened"), "the damage to be found", TIMEOUT)
        check(True, "the check after the first frame finds the damage and says so")
    finally:
        if process is not None:
            stop_app(process)
        shutil.rmtree(home, ignore_errors=True)



if __name__ == "__main__":
    run(main)
