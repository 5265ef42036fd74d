#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
The bedtime reminder, end to end, on the suite's private D-Bus session
with a real notification daemon (dunst) on the virtual display:

- `cramp-diary --background` maps no window, and shows the reminder at
  the set minute, with its three actions and nothing about health in it;
- "Snooze", chosen in dunst's own menu so that dunst emits the
  Notifications interface's ActionInvoked signal, brings it back after
  the snooze, in place of the first;
- "Done" records the stretch in the diary;
- opening the app while the service runs opens the window in the same
  process; closing it, or Quit, leaves the service running; turning
  reminders off stops the service and removes the autostart entry;
- with no notification daemon at all, the service says so once and
  keeps running.

The service runs under faketime, its clock started a few seconds before
the reminder's time on a fixed evening: the test waits seconds, not a
minute, and the same at any hour it runs.
"""

import datetime
import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, run, step, wait_for  # noqa: E402

BINARY = os.environ["CRAMP_DIARY_BIN"]
APP_ID = "io.github.crampdiary.CrampDiary"


def write_settings(home, **values):
    """GSettings' keyfile backend, shared by the test and the app."""
    folder = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    lines = ["[io/github/crampdiary/CrampDiary]"]
    lines += [f"{key}={value}" for key, value in values.items()]
    path = os.path.join(folder, "keyfile")
    with open(path + ".new", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".new", path)


class Monitor:
    """The Notify calls on the session bus, as dbus-monitor prints them."""

    def __init__(self, env, path):
        self.path = path
        self.process = subprocess.Popen(
            ["dbus-monitor", "interface='org.freedesktop.Notifications',member='Notify'"],
            env=env, stdout=open(path, "w", encoding="utf-8"), stderr=subprocess.DEVNULL)

    def calls(self):
        with open(self.path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        found = []
        for block in text.split("method call ")[1:]:
            if "member=Notify" not in block:
                continue
            stamp = float(re.search(r"time=([0-9.]+)", block).group(1))
            # app name, replaces id, icon, summary, body, then the actions
            # as key and label, in the first array
            strings = re.findall(r'^   string "(.*)"$', block, re.M)
            replaces = int(re.search(r"^   uint32 (\d+)$", block, re.M).group(1))
            actions = re.findall(r'^      string "(.*)"$', block.split("array [", 1)[1].split("]", 1)[0], re.M)
            found.append({"time": stamp, "app": strings[0], "summary": strings[2], "body": strings[3],
                          "actions": dict(zip(actions[0::2], actions[1::2])), "replaces": replaces})
        return found

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def stretch_log(home):
    # in the order written: the keys are UUIDs, and events of the same
    # second (a snooze at once) would come in their random order
    path = os.path.join(home, "data", "cramp-diary", "diary.sqlite3")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return [row[0] for row in db.execute("SELECT event FROM stretch ORDER BY at_utc, rowid")]


def wait_for_log(home, expected, what):
    """Waits for the stretch log to read @expected; says what it read if
    it never does."""
    seen = []

    def matches():
        seen[:] = stretch_log(home)
        return seen == expected
    try:
        wait_for(matches, what)
    except AssertionError as e:
        raise AssertionError(f"{e}: the log reads {seen}") from None
    check(True, f"the stretch log reads {', '.join(expected)}")


def choose_in_dunst(home, env, action):
    """Picks an action of the notification on screen in dunst's context
    menu, whose lines end with "[ID,ACTION]", through its dmenu script."""
    with open(os.path.join(home, "want"), "w", encoding="utf-8") as f:
        f.write(f",{action}]")
    subprocess.run(["dunstctl", "context"], env=env, check=True)


def displayed(env):
    out = subprocess.run(["dunstctl", "count", "displayed"], env=env, capture_output=True, text=True).stdout
    return int(out.strip() or -1)


def accessible_app(pid):
    from dogtail import config
    config.config.checkForA11y = False
    config.config.searchCutoffCount = 5
    from dogtail.tree import root
    for app in root.applications():
        if app.get_process_id() == pid:
            return app
    return None


def start_dunst(home, env):
    script = os.path.join(home, "pick.sh")
    with open(script, "w", encoding="utf-8") as f:
        # all of the menu is read before answering: dunst may not like a
        # pipe closed under it
        f.write("#!/bin/sh\n"
                "menu=$(cat)\n"
                f"printf '%s\\n' \"$menu\" | grep -F -m1 \"$(cat '{home}/want')\"\n")
    os.chmod(script, 0o755)
    config = os.path.join(home, "dunstrc")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"[global]\ndmenu = {script}\n")
    # Nothing may own the name before: a daemon D-Bus started for someone
    # else would get the notifications, and its menu would not answer.
    check(notifications_owner(env) is None, "no other notification daemon runs")
    dunst = subprocess.Popen(["dunst", "-conf", config], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Asked for by name too early, the daemon would be started a second
    # time by D-Bus activation, with its default settings, and the two
    # would race for the name: wait for the name without asking for it.
    owner = wait_for(lambda: notifications_owner(env), "dunst on the session bus")
    check(owner == dunst.pid, f"the notifications go to the test's dunst (pid {owner})")
    return dunst


def notifications_owner(env):
    """The process that owns org.freedesktop.Notifications, or None; the
    bus's own calls start nothing."""
    def bus(method, name):
        reply = subprocess.run(["dbus-send", "--session", "--print-reply=literal", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", f"org.freedesktop.DBus.{method}", f"string:{name}"],
                               env=env, capture_output=True, text=True)
        return reply.stdout.split()
    if bus("NameHasOwner", "org.freedesktop.Notifications") != ["boolean", "true"]:
        return None
    return int(bus("GetConnectionUnixProcessID", "org.freedesktop.Notifications")[-1])


# The evening the service's clock is set to, and how long before the
# reminder it starts: long enough for a start on a loaded machine, which
# must arm the reminder before it is due (a reminder due before the
# service started does not come at once)
EVENING = "2027-01-14"
REMINDER = "22:00"
LEAD_S = 20
# How late a reminder may come on a loaded machine: the service's clock
# starts when faketime has started it, and a busy machine delays the
# notification too; the next minute's check would be 60 s late
LATE_S = 30


def reminder_start():
    """The service's clock, LEAD_S seconds before the reminder"""
    hour, minute = map(int, REMINDER.split(":"))
    moment = datetime.datetime(2027, 1, 14, hour, minute) - datetime.timedelta(seconds=LEAD_S)
    return f"{moment:%H:%M:%S}"


class Faked:
    """@command run by faketime with its clock started at @start on
    EVENING; faketime waits for it, so that the program is its child."""

    def __init__(self, command, start, env, **kwargs):
        self.wrapper = subprocess.Popen(["faketime", "-f", f"@{EVENING} {start}"] + command,
                                        env=env, **kwargs)
        found = wait_for(lambda: subprocess.run(["pgrep", "-P", str(self.wrapper.pid)], capture_output=True,
                                                text=True).stdout.split(), "the program faketime starts")
        self.pid = int(found[0])

    def poll(self):
        return self.wrapper.poll()

    @property
    def returncode(self):
        return self.wrapper.returncode

    def terminate(self):
        if self.wrapper.poll() is None:
            os.kill(self.pid, signal.SIGTERM)
        return self.wrapper.communicate(timeout=10)


def mapped_windows(pid):
    """The X windows of process @pid that are on screen; xdotool counts
    the root window in, which belongs to no process"""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), ""],
                           capture_output=True, text=True).stdout.split()
    owned = []
    for window in found:
        prop = subprocess.run(["xprop", "-id", window, "_NET_WM_PID"], capture_output=True, text=True).stdout
        if prop.strip().endswith(f"= {pid}"):
            owned.append(window)
    return owned


def autostart_command(home, env, autostart):
    """Turns reminders on, lets the service write its autostart entry and
    returns the command a session runs from it at login."""
    write_settings(home, **{"reminders-enabled": "true", "reminder-time": f"'{REMINDER}'"})
    service = Faked([BINARY, "--background"], "12:00:00", env)
    try:
        wait_for(lambda: os.path.exists(autostart), "the autostart entry")
        time.sleep(0.5)
    finally:
        service.terminate()
    with open(autostart, encoding="utf-8") as f:
        entry = f.read()
    exec_line = re.search(r"^Exec=(.*)$", entry, re.M).group(1)
    check(exec_line.endswith(" --background") and "NoDisplay=true" in entry,
          f"the autostart entry runs “{exec_line}”")
    return shlex.split(exec_line)


def test_service(home, env):
    autostart = os.path.join(home, "config", "autostart", APP_ID + ".desktop")

    step("turning reminders on makes them start at login")
    command = autostart_command(home, env, autostart)

    write_settings(home, **{"reminders-enabled": "true", "reminder-time": f"'{REMINDER}'",
                            "snooze-minutes": "uint32 1"})
    monitor = Monitor(env, os.path.join(home, "monitor.txt"))
    dunst = start_dunst(home, env)
    # as the session starts it at login, a few seconds before the reminder
    started = time.time()
    service = Faked(command, reminder_start(), env)
    due = started + LEAD_S

    try:
        step(f"the autostart command runs without a window; the reminder is set for {REMINDER}")
        time.sleep(3)
        check(service.poll() is None, "the service keeps running")
        pid = service.pid
        windows = mapped_windows(pid)
        check(windows == [], f"it maps no window ({len(windows)} mapped)")

        step("the notification comes at the set minute")
        first = wait_for(lambda: monitor.calls(), "the reminder", timeout=LEAD_S + 2 * LATE_S)[0]
        late = first["time"] - due
        check(0 <= late < LATE_S, f"it came {late:.1f} s after {REMINDER}")
        check(first["summary"] == "Time to Stretch", f"its summary is “{first['summary']}”")
        check(not re.search(r"cramp|pain|medic", first["body"], re.I),
              f"its body says nothing of health: “{first['body']}”")
        check({"show", "done", "snooze"} <= set(first["actions"]),
              f"its actions are {sorted(first['actions'].values())}")
        check(first["actions"].get("snooze") == "Snooze" and first["actions"].get("done") == "Done"
              and first["actions"].get("show") == "Show Stretches", "labelled Show Stretches, Done and Snooze")
        wait_for_log(home, ["shown"], "the reminder in the stretch log")
        wait_for(lambda: displayed(env) == 1, "dunst to display it")

        step("Snooze, from the notification")
        snoozed_at = time.time()
        choose_in_dunst(home, env, "snooze")
        wait_for_log(home, ["shown", "snoozed"], "the snooze in the stretch log")
        second = wait_for(lambda: monitor.calls()[1:], "the reminder again", timeout=90)[0]
        after = second["time"] - snoozed_at
        check(58 <= after < 60 + LATE_S, f"it came back {after:.0f} s later, for a snooze of one minute")
        check(second["replaces"] > 0, "in place of the first one")
        time.sleep(0.5)
        check(displayed(env) == 1, "one reminder on screen, not two")

        step("Done, from the notification")
        choose_in_dunst(home, env, "done")
        wait_for_log(home, ["shown", "snoozed", "shown", "done"], "the stretch")

        wait_for(lambda: displayed(env) == 0, "the notification to go")
        check(True, "the notification is gone")

        step("the window opens in the service's process, and closing it leaves the service")
        opened = subprocess.run([BINARY], env=env, timeout=30)
        check(opened.returncode == 0, "a second start hands over to the service and ends")
        app = wait_for(lambda: accessible_app(pid), "the window, in the service's process")
        window = wait_for(lambda: app.findChild(lambda n: n.roleName == "frame" and n.name == "Cramp Diary",
                                                retry=False, requireResult=False), "the main window")
        check(window is not None, "the window opened in the service's process")
        close = window.findChild(lambda n: n.roleName == "push button" and n.name == "Close",
                                 retry=False, requireResult=False)
        close.doActionNamed("click")
        wait_for(lambda: app.findChild(lambda n: n.roleName == "frame", retry=False, requireResult=False) is None,
                 "the window to close")
        time.sleep(1)
        check(service.poll() is None, "with the window closed, the service still runs")

        step("Quit in the window leaves the service running too")
        subprocess.run([BINARY], env=env, timeout=30, check=True)
        window = wait_for(lambda: app.findChild(lambda n: n.roleName == "frame" and n.name == "Cramp Diary",
                                                retry=False, requireResult=False), "the main window again")
        time.sleep(0.5)
        from dogtail import rawinput
        rawinput.keyCombo("<Control>q")
        wait_for(lambda: app.findChild(lambda n: n.roleName == "frame", retry=False, requireResult=False) is None,
                 "the window to quit")
        time.sleep(1)
        check(service.poll() is None, "after Quit, the service still runs")

        step("turning reminders off stops the service and the start at login")
        write_settings(home, **{"reminders-enabled": "false"})
        wait_for(lambda: service.poll() is not None, "the service to end")
        check(service.returncode == 0, "the service ended by itself")
        check(not os.path.exists(autostart), "the autostart entry is gone")
    finally:
        service.terminate()
        dunst.terminate()
        dunst.wait(timeout=10)
        monitor.stop()


def test_no_daemon(home, env):
    """A private bus with no services at all: no daemon answers."""
    config = os.path.join(home, "bare-bus.conf")
    with open(config, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"'
                ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n'
                "<busconfig><type>session</type>"
                f"<listen>unix:dir={home}</listen><auth>EXTERNAL</auth>"
                "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
    write_settings(home, **{"reminders-enabled": "true", "reminder-time": f"'{REMINDER}'"})
    bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork", "--print-address"],
                           stdout=subprocess.PIPE, text=True)
    address = bus.stdout.readline().strip()
    # a diary of its own: the other one has had tonight's reminder
    bare_env = dict(env, DBUS_SESSION_BUS_ADDRESS=address, XDG_DATA_HOME=os.path.join(home, "bare-data"),
                    GTK_A11Y="none", NO_AT_BRIDGE="1")
    service = Faked([BINARY, "--background"], reminder_start(), bare_env, stderr=subprocess.PIPE, text=True)
    try:
        # the reminder's time, and a few of the checks after it
        time.sleep(LEAD_S + 4)
        check(service.poll() is None, "with no notification daemon, the service keeps running")
    finally:
        _, err = service.terminate()
        bus.terminate()
        bus.wait(timeout=10)
    said = err.count("No notification service answered")
    check(said == 1, f"and says so once ({said} times)")


def main():
    home = tempfile.mkdtemp(prefix="cramp-reminders-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="keyfile",
               GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    try:
        test_service(home, env)
        test_no_daemon(home, env)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    run(main)
