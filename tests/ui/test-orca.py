#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
Cramp Diary with the real screen reader: Debian's Orca 43 on the suite's
display and D-Bus session, with a window manager (Openbox) to give the
window the keyboard focus as a desktop would. The main flow is driven
from the keyboard with real key presses (XTest, through xdotool): Tab to
Log Cramp, Enter, the toast, Add Details, save; Tab to a cramp's delete
button, Enter, undo; the report and a warning sign. What is checked is
what Orca says, from the SPEECH OUTPUT lines of its debug log: what a
user must hear is heard, and no type name ("GtkImage") is ever spoken.

Orca speaks to no sound device here: it logs what it would say whether
or not a speech server answers.
"""

import csv
import io
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tty

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from a11y import fixed_clock  # noqa: E402
from tap import check, run, step, wait_for  # noqa: E402

BINARY = os.environ["CRAMP_DIARY_BIN"]
SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*?)'\s*(?:\{.*)?$")
TYPE_NAME = re.compile(r"\b(?:Gtk|Adw|Cramp)[A-Z][A-Za-z]+")
# what Orca echoes of the keys pressed
KEY_ECHO = re.compile(r"^(?:left |right )?(?:control|shift|alt|tab|return|[a-z]) ?$")
# a cramp of the imported diary, with a warning sign
IMPORTED = ("id,started_at,muscle,symptoms\n"
            "30000000-0000-4000-8000-000000000001,2026-11-17T10:00:00+01:00,calf,sores\n")


class Speech:
    """What Orca has said, from its debug log as it is written.

    Orca writes its log through a Python file, which holds what it writes
    in a buffer unless the file is a terminal: so the log goes to a
    pseudo-terminal, line by line, and a thread reads it from the other
    side as soon as it is written."""

    def __init__(self):
        master, slave = pty.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        self.slave = slave
        self.lock = threading.Lock()
        self.log = []
        self.heard = []
        threading.Thread(target=self._drain, args=(master,), daemon=True).start()

    def _drain(self, master):
        partial = b""
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            lines = (partial + data).split(b"\n")
            partial = lines.pop()
            with self.lock:
                for line in lines:
                    text = line.decode("utf-8", errors="replace").rstrip("\r")
                    self.log.append(text)
                    match = SPOKEN.search(text)
                    if match:
                        self.heard.append(match.group(1))

    def read(self):
        with self.lock:
            return list(self.heard)

    def mark(self):
        return len(self.read())

    def since(self, mark):
        return [s for s in self.read()[mark:] if not KEY_ECHO.match(s)]

    def wait(self, pattern, mark, timeout=60.0):
        """The first thing said since @mark that matches @pattern."""
        regex = re.compile(pattern)

        def said():
            return next((s for s in self.since(mark) if regex.search(s)), None)

        try:
            return wait_for(said, f"Orca to say /{pattern}/", timeout=timeout, interval=0.2)
        except AssertionError:
            return None

    def settle(self, mark, quiet=1.0, timeout=30.0):
        """Waits until Orca has said something since @mark and then
        nothing for @quiet seconds; returns what it said."""
        start = time.monotonic()
        last, count = start, 0
        while time.monotonic() - start < timeout:
            now = len(self.since(mark))
            if now != count:
                count, last = now, time.monotonic()
            elif count > 0 and time.monotonic() - last >= quiet:
                break
            time.sleep(0.1)
        return self.since(mark)


def key(name):
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)


def window_active(title):
    """Waits until the window manager has given the window @title the
    keyboard focus: a closed dialog hands the focus back to GTK's widget
    at once, and Orca says so, but on a loaded machine Openbox gives the
    window the X focus later, and a key pressed before then is lost."""
    def active():
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                               capture_output=True, text=True).stdout.split()
        current = subprocess.run(["xdotool", "getactivewindow"], capture_output=True, text=True).stdout.strip()
        return current in found
    return wait_for(active, f"the window “{title}” to have the focus", timeout=60)


def press(speech, name, pattern, what):
    """Presses @name, and checks that Orca then says @pattern."""
    mark = speech.mark()
    key(name)
    said = speech.wait(pattern, mark)
    check(said is not None, f"{what}: Orca says “{said}”" if said else f"{what}: Orca said {speech.since(mark)}")
    return said


def tab_to(speech, pattern, what, backwards=False, limit=20):
    """Tabs until Orca names what matches @pattern."""
    regex = re.compile(pattern)
    for _ in range(limit):
        mark = speech.mark()
        key("shift+Tab" if backwards else "Tab")
        said = speech.settle(mark)
        found = next((s for s in said if regex.search(s)), None)
        if found:
            check(True, f"{what}: Orca says “{found}”")
            return found
    check(False, f"{what}: {limit} presses of Tab, and Orca never said /{pattern}/; it said {said}")
    return None


def export(env):
    out = subprocess.run([BINARY, "--export", "-"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out, newline="")))


def main():
    home = tempfile.mkdtemp(prefix="cramp-orca-")
    env = fixed_clock(dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                           XDG_CONFIG_HOME=os.path.join(home, "config"), GTK_A11Y="atspi"))
    env.pop("NO_AT_BRIDGE", None)
    orca_env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                    XDG_CONFIG_HOME=os.path.join(home, "config"))
    orca_env.pop("NO_AT_BRIDGE", None)
    speech = Speech()
    processes = []

    try:
        step("Orca starts on the suite's display, with a window manager")
        processes.append(subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        processes.append(subprocess.Popen(["orca", "--replace", f"--debug-file={speech.path}"], env=orca_env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        check(speech.wait(r"^Screen reader on", 0, timeout=120) is not None, "Orca says the screen reader is on")

        processes.append(subprocess.Popen([BINARY], env=env))
        # GTK 4.8 sends the first focus of a window before the window is
        # on the accessibility bus, so Orca says nothing until a key is
        # pressed: wait for the window itself
        subprocess.run(["timeout", "60", "xdotool", "search", "--sync", "--onlyvisible", "--name", "^Cramp Diary$"],
                       check=True, stdout=subprocess.DEVNULL)
        window_active("Cramp Diary")

        step("Tab to Log Cramp, Enter: the toast is heard, with what it offers")
        tab_to(speech, r"^Report page tab", "Tab goes on to the pages")
        tab_to(speech, r"^Log Cramp push button", "and Shift+Tab back to Log Cramp", backwards=True)
        press(speech, "Return", r"^Cramp logged at 14:3\d\. Add Details: Ctrl\+E\. Undo: Ctrl\+Z\.$",
              "Enter logs a cramp")
        check(len(export(env)) == 1, "the diary holds it")

        step("Add Details, then save")
        mark = speech.mark()
        press(speech, "ctrl+e", r"^Edit Cramp$", "Ctrl+E opens the editor on it")
        # the keys go to the editor once its first field has the focus,
        # which a loaded machine gives it later than the title
        field = speech.wait(r"Muscle combo box", mark)
        check(field is not None, f"its first field has the focus: Orca said {speech.since(mark)}")
        window_active("Edit Cramp")
        press(speech, "ctrl+Return", r"^Log Cramp push button", "Ctrl+Enter saves, and the focus is back")
        window_active("Cramp Diary")

        step("delete a cramp, then undo")
        tab_to(speech, r"^Delete the cramp of 14:3\d", "Tab reaches the cramp's delete button")
        press(speech, "Return", r"^Cramp deleted\. Undo: Ctrl\+Z\.$", "Enter deletes it")
        check(len(export(env)) == 0, "the diary is empty")
        press(speech, "ctrl+z", r"^Undone: the cramp is back in the diary\.$", "Ctrl+Z undoes it")
        check(len(export(env)) == 1, "the cramp is back in the diary")

        step("a warning sign in the report")
        csv_path = os.path.join(home, "sore.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(IMPORTED)
        subprocess.run([BINARY, "--import", csv_path], env=env, check=True, capture_output=True)
        tab_to(speech, r"^Report page tab", "Shift+Tab reaches the Report tab", backwards=True)
        key("space")
        tab_to(speech, r"Sores or slow-healing wounds", "Tab reaches the warning sign")
        mark = speech.mark()
        key("Return")
        speech.settle(mark, timeout=3)
        tab_to(speech, r"Get medical advice today", "Enter opens it; Tab reads what it means and what to do")
        tab_to(speech, r"^Shown for: A cramp logged with sores", "and the rule it is shown for")

        step("nothing is ever read as a type name")
        heard = speech.read()
        names = sorted({s for s in heard if TYPE_NAME.search(s)})
        check(names == [], f"of {len(heard)} things Orca said, none is a type name: {names}")
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if os.environ.get("ORCA_KEEP_LOG"):
            with open(os.environ["ORCA_KEEP_LOG"], "w", encoding="utf-8") as f:
                f.write("\n".join(speech.log))
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    run(main)
