#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists exactly the files that hold translatable strings:
none missing, none that does not exist; xgettext finds strings in each;
and every translation in po/LINGUAS is complete and checks out."""

import pathlib
import re
import subprocess
import sys
import tempfile

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

# What meson's i18n.gettext (preset glib) gives xgettext.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
]

with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "cramp-diary.pot"
    for rel in sorted(listed & found):
        one = pathlib.Path(tmp) / "one.pot"
        subprocess.run(["xgettext", *XGETTEXT_ARGS, "--force-po", "-o", str(one), rel],
                       cwd=top, check=True, capture_output=True)
        if "msgid \"" not in one.read_text(encoding="utf-8").split("msgstr", 1)[1]:
            print(f"po/POTFILES.in: xgettext finds no string in {rel}")
            status = 1
    subprocess.run(["xgettext", *XGETTEXT_ARGS, "-o", str(pot), "-f", "po/POTFILES.in"],
                   cwd=top, check=True, capture_output=True)

    for lang in (top / "po" / "LINGUAS").read_text(encoding="utf-8").split():
        merged = pathlib.Path(tmp) / f"{lang}.po"
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged),
                        str(top / "po" / f"{lang}.po"), str(pot)], check=True)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(merged)],
                               capture_output=True, text=True)
        line = stats.stderr.strip().splitlines()[-1] if stats.stderr.strip() else ""
        print(f"po/{lang}.po: {line}")
        if stats.returncode != 0 or "untranslated" in line or "fuzzy" in line:
            print(f"po/{lang}.po: not complete, or it does not check out; update it")
            status = 1

sys.exit(status)
