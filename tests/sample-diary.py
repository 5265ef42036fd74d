#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a realistic diary as CSV, for screenshots and by-hand trials:

    tests/sample-diary.py DAYS [SEED [END]] > diary.csv

The diary ends today, or on END (YYYY-MM-DD).

Mostly night-time calf cramps that wake the sleeper, some in the foot or
thigh, a few after exercise, with the details people tend to record."""

import csv
import datetime
import random
import sys
import uuid

days = int(sys.argv[1]) if len(sys.argv) > 1 else 28
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
end = datetime.datetime.now().astimezone()
if len(sys.argv) > 3:
    end = datetime.datetime.strptime(sys.argv[3], "%Y-%m-%d").astimezone()
end = end.replace(hour=12, minute=0, second=0, microsecond=0)

fields = ["id", "started_at", "duration_s", "muscle", "side", "intensity", "activity",
          "walk_distance_m", "relieved_by", "symptoms", "triggers", "fluid_ml",
          "medications", "woke_from_sleep", "notes"]
notes = ["", "", "", "Had to stand up to make it stop", "Long day on my feet",
         "Calf still sore in the morning", "After the hike", "Stretched before bed, still came",
         "Woke twice", "Very hot night"]

out = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\r\n")
out.writeheader()
for day in range(days, 0, -1):
    night = end - datetime.timedelta(days=day)
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        at_night = rng.random() < 0.8
        if at_night:
            start = night + datetime.timedelta(hours=rng.uniform(10, 19))   # 22:00 – 07:00
        else:
            start = night + datetime.timedelta(hours=rng.uniform(-4, 8))
        muscle = rng.choices(["calf", "foot", "toes", "thigh-back"], [70, 15, 8, 7])[0]
        out.writerow({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "started_at": start.replace(microsecond=0, second=0).isoformat(),
            "duration_s": rng.choice([30, 45, 60, 90, 120, 180, 240, 300]),
            "muscle": muscle,
            "side": rng.choices(["left", "right", "both"], [55, 40, 5])[0],
            "intensity": rng.randint(3, 9),
            "activity": "sleeping" if at_night else rng.choice(["sitting", "standing", "after-exercise"]),
            "walk_distance_m": "",
            "relieved_by": ";".join(sorted(rng.sample(["stretching", "massage", "walking", "heat"], rng.randint(1, 2)))),
            "symptoms": "",
            "triggers": rng.choice(["", "", "exercise", "prolonged-standing", "heat"]),
            "fluid_ml": rng.choice(["", "", 1200, 1500, 2000]),
            "medications": rng.choice(["", "", "", "Atorvastatin 20 mg"]),
            "woke_from_sleep": "true" if at_night and rng.random() < 0.8 else "false",
            "notes": rng.choice(notes),
        })
