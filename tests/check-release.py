#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The metainfo's newest release is the project's version, and the
releases come newest first, so that what software centres show keeps in
step with what is built."""

import sys
import xml.etree.ElementTree as ET

metainfo, version = sys.argv[1], sys.argv[2]
releases = ET.parse(metainfo).getroot().findall("./releases/release")
versions = [r.get("version") for r in releases]
dates = [r.get("date") for r in releases]

if not versions or versions[0] != version:
    print(f"{metainfo}: the newest release is {versions[:1]}, the project's version is {version}")
    sys.exit(1)
if dates != sorted(dates, reverse=True):
    print(f"{metainfo}: the releases are not newest first: {dates}")
    sys.exit(1)
print(f"{metainfo}: {len(versions)} releases, the newest {version}")
