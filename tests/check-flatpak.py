#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses, builds this app on the GNOME runtime and
asks for no permission beyond a window: no network, no files of the user
(the file chooser portal gives those), no session-wide D-Bus."""

import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
if manifest.get("id") != "io.github.crampdiary.CrampDiary":
    problems.append(f"the id is {manifest.get('id')!r}")
if manifest.get("runtime") != "org.gnome.Platform":
    problems.append("the runtime is not org.gnome.Platform")
if manifest.get("command") != "cramp-diary":
    problems.append("the command is not cramp-diary")

allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
for arg in manifest.get("finish-args", []):
    if arg not in allowed:
        problems.append(f"a broader permission than needed: {arg}")

if manifest["modules"][-1].get("name") != "cramp-diary":
    problems.append("the last module is not the app")

for problem in problems:
    print(f"{path}: {problem}")
print(f"{len(manifest.get('finish-args', []))} permissions checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
