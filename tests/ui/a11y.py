# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader sees it, through dogtail: its settings
for the suite's private session, and finding what is on screen. Import
it before the rest of dogtail, with tests/ on sys.path for tap."""

import glob
import re

from dogtail import config

# The suite's private session has no GNOME settings that say accessibility
# is on; the app exposes its tree anyway.
config.config.checkForA11y = False
config.config.searchCutoffCount = 20
config.config.searchBackoffDuration = 0.25
config.config.defaultDelay = 0.2
config.config.logDebugToStdOut = False
config.config.logDebugToFile = False

from dogtail.tree import SearchError  # noqa: E402

import tap  # noqa: E402


def wait_for(finder, what, timeout=10.0):
    """tap.wait_for(), where a node not there yet is not an error."""
    return tap.wait_for(finder, what, timeout=timeout, interval=0.2, ignore=(SearchError, LookupError))


def on_screen(node):
    # GTK 4.8 sets no "showing" state; what is not on screen has no size.
    width, height = node.size
    return width > 0 and height > 0


def find(node, role, name=None, prefix=None):
    def matches(n):
        if n.roleName != role:
            return False
        if name is not None and n.name != name:
            return False
        if prefix is not None and not n.name.startswith(prefix):
            return False
        return on_screen(n)

    return node.findChild(matches, retry=False, requireResult=False)


def find_all(node, role, prefix):
    return node.findChildren(lambda n: n.roleName == role and n.name.startswith(prefix) and on_screen(n))


TYPE_NAME = re.compile(r"^(Gtk|Adw|Cramp)[A-Z][A-Za-z]*$")


def type_names(node):
    """What on screen under @node a screen reader would read as a class
    name, such as "GtkImage": GTK 4.8 names a widget after its class when
    nothing else names it."""
    found = node.findChildren(lambda n: TYPE_NAME.match(n.name or "") is not None and on_screen(n))
    return [f"{n.roleName} “{n.name}” under {n.parent.roleName} “{n.parent.name}”" for n in found]


# The clock of the app under test: a Friday afternoon in Berlin.
AFTERNOON = "2026-11-20 14:30:00"


def fixed_clock(env):
    """@env, with the clock of what it starts set to AFTERNOON in Berlin."""
    library = sorted(glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1"))[0]
    preload = env.get("LD_PRELOAD", "")
    if library not in preload.split(":"):
        preload = ":".join(filter(None, [preload, library]))
    # AddressSanitizer would insist on being the first library loaded
    asan = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "verify_asan_link_order=0"]))
    return dict(env, LD_PRELOAD=preload, FAKETIME=f"@{AFTERNOON}", TZ="Europe/Berlin", ASAN_OPTIONS=asan)
