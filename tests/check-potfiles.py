#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists exactly the files that hold translatable strings:
none missing, none that does not exist."""

import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
listed = set()
for line in (top / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

c_marks = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(')
found = set()
for path in sorted(top.glob("src/**/*")):
    rel = str(path.relative_to(top))
    if path.suffix in (".c", ".h") and c_marks.search(path.read_text(encoding="utf-8")):
        found.add(rel)
    elif path.suffix == ".ui" and 'translatable="yes"' in path.read_text(encoding="utf-8"):
        found.add(rel)
for path in sorted(top.glob("data/*")):
    rel = str(path.relative_to(top))
    if path.name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
        found.add(rel)

status = 0
for rel in sorted(found - listed):
    print(f"po/POTFILES.in: {rel} has translatable strings but is not listed")
    status = 1
for rel in sorted(listed - found):
    exists = (top / rel).exists()
    print(f"po/POTFILES.in: {rel} is listed but {'has no translatable string' if exists else 'does not exist'}")
    status = 1
print(f"{len(listed)} files listed, {len(found)} files with translatable strings")
sys.exit(status)
