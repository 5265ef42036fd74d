#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation of the help in help/LINGUAS is complete against the
pages as they are now, and the pages it makes are valid Mallard."""

import pathlib
import subprocess
import sys
import tempfile

top = pathlib.Path(sys.argv[1])
help_dir = top / "help"
pages = sorted((help_dir / "C").glob("*.page"))
status = 0

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    pot = tmp / "help.pot"
    subprocess.run(["itstool", "-o", str(pot), *map(str, pages)], check=True)

    for lang in (help_dir / "LINGUAS").read_text(encoding="utf-8").split():
        po = help_dir / lang / f"{lang}.po"
        merged = tmp / f"{lang}.po"
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged), str(po), str(pot)],
                       check=True)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(tmp / f"{lang}.mo"), str(merged)],
                               capture_output=True, text=True)
        line = stats.stderr.strip().splitlines()[-1] if stats.stderr.strip() else ""
        print(f"help/{lang}/{lang}.po: {line}")
        if stats.returncode != 0 or "untranslated" in line or "fuzzy" in line:
            print(f"help/{lang}/{lang}.po: not complete, or it does not check out; update it")
            status = 1
            continue

        # the translated pages, as meson's gnome.yelp() installs them
        out = tmp / lang
        out.mkdir()
        subprocess.run(["itstool", "-m", str(tmp / f"{lang}.mo"), "-o", str(out), *map(str, pages)], check=True)
        valid = subprocess.run(["yelp-check", "validate", *sorted(map(str, out.glob("*.page")))],
                               capture_output=True, text=True)
        if valid.returncode != 0 or valid.stdout.strip():
            print(f"help/{lang}: the translated pages are not valid:\n{valid.stdout}{valid.stderr}")
            status = 1
        else:
            print(f"help/{lang}: {len(pages)} pages, valid")

sys.exit(status)
