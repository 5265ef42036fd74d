#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
The diary under crashes, two writers, a full disk and damage, on real
files, through the real store (tests/safety-helper.c) and the real
command line. Each part prints its figure.
"""

import os
import pathlib
import random
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import time

from tap import check, run, step

BINARY = os.environ["CRAMP_DIARY_BIN"]
HELPER = os.environ["SAFETY_HELPER"]
FIXTURES = os.path.join(os.environ["G_TEST_SRCDIR"], "fixtures")
KILLS = int(os.environ.get("SAFETY_KILLS", "200"))
IMPORT_KILLS = int(os.environ.get("SAFETY_IMPORT_KILLS", "50"))
MIGRATION_KILLS = int(os.environ.get("SAFETY_MIGRATION_KILLS", "60"))
# the schema version this release writes, as the store says it
SCHEMA_VERSION = None


def connect(path):
    # not read-only: a diary killed with its -wal needs the recovery any
    # open does; but never made: a writer killed before its diary was in
    # place left none, and an empty file made here would be a diary whose
    # contents were lost to the next writer
    return sqlite3.connect(pathlib.Path(path).as_uri() + "?mode=rw", uri=True)


def integrity(path):
    if not os.path.exists(path):
        return "ok"
    with connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def ids_in(path):
    if not os.path.exists(path):
        return set()
    with connect(path) as db:
        # a writer killed while it created the diary leaves a file without
        # a schema: the transaction that writes it was never committed, and
        # such a diary holds nothing
        if not tables(path) and user_version(path) == 0:
            return set()
        return {row[0] for row in db.execute("SELECT id FROM episode")}


def user_version(path):
    with connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def tables(path):
    with connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def cli(env, *args):
    return subprocess.run([BINARY, *args], env=env, capture_output=True, text=True)


def write_csv(path, prefix, n, note="Calf again, woke at three."):
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,started_at,muscle,duration_s,notes\n")
        for i in range(n):
            day = 1 + i % 28
            f.write(f"{prefix}-0000-4000-8000-{i:012d},2026-02-{day:02d}T03:{i % 60:02d}:00+01:00,calf,60,\"{note}\"\n")


def environment(home):
    data = os.path.join(home, "data")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=data, LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    return env, os.path.join(data, "cramp-diary", "diary.sqlite3")


def schema_version(home):
    diary = os.path.join(home, "version.sqlite3")
    out = subprocess.run([HELPER, "open", diary], capture_output=True, text=True, check=True).stdout
    return int(out.rsplit(" ", 1)[1])


def test_kills_during_writes(home):
    step(f"SIGKILL at random moments of writing, {KILLS} times")
    _, diary = environment(home)
    os.makedirs(os.path.dirname(diary), exist_ok=True)
    acknowledged = set()
    lost = bad = refused = 0
    first_refusal = ""
    rng = random.Random(20261121)

    for kill in range(KILLS):
        writer = subprocess.Popen([HELPER, "write", diary, f"{kill:08x}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.005, 0.080))
        writer.kill()
        out = writer.stdout.read().decode()
        said = writer.stderr.read().decode(errors="replace")
        if said:
            refused += 1
            first_refusal = first_refusal or f" — the first, after kill {kill}: {said.strip()[:300]}"
        writer.wait()
        # only whole lines: a line cut by the kill was never acknowledged
        acknowledged.update(out.split("\n")[:-1])
        if integrity(diary) != "ok":
            bad += 1
        lost = len(acknowledged - ids_in(diary))
        if lost or bad:
            break

    check(bad == 0, f"{KILLS} kills: every time the diary passed integrity_check")
    check(lost == 0, f"{len(acknowledged)} acknowledged episodes, {lost} lost")
    # a checkpoint cut short leaves the file shorter than its header says
    # while the log still holds the pages: that diary is whole
    check(refused == 0, f"the next writer opened the diary every time ({refused} refused{first_refusal})")
    print(f"# figure: {KILLS} kills while writing, {len(acknowledged)} acknowledged episodes, {lost} lost")


def test_kills_during_import(home):
    step(f"SIGKILL during --import, {IMPORT_KILLS} times: all of the file or none of it")
    env, diary = environment(home)
    csv = os.path.join(home, "import.csv")
    mixed = finished = 0
    rng = random.Random(4711)

    # how long an import takes here; kills fall before and after its end
    write_csv(csv, "99999999", 500)
    started = time.monotonic()
    subprocess.run([BINARY, "--import", csv], env=env, check=True, capture_output=True)
    duration = time.monotonic() - started

    for kill in range(IMPORT_KILLS):
        write_csv(csv, f"{kill:08x}", 500)
        before = len(ids_in(diary)) if os.path.exists(diary) else 0
        importer = subprocess.Popen([BINARY, "--import", csv], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, duration * 1.3))
        importer.kill()
        status = importer.wait()
        after = len(ids_in(diary)) if os.path.exists(diary) else 0
        finished += status == 0
        if after not in (before, before + 500) or (status == 0 and after != before + 500) \
                or (os.path.exists(diary) and integrity(diary) != "ok"):
            mixed += 1

    check(mixed == 0, f"{IMPORT_KILLS} killed imports ({finished} had finished): never part of a file")
    print(f"# figure: {IMPORT_KILLS} kills during --import, {finished} finished first, {mixed} partial")


def test_kills_during_migration(home):
    step(f"SIGKILL during a schema migration, {MIGRATION_KILLS} times")
    with open(os.path.join(FIXTURES, "diary-v1.sql"), encoding="utf-8") as f:
        script = f.read()
    diary = os.path.join(home, "migrate", "diary.sqlite3")
    slow = dict(os.environ, SAFETY_SLOW="1")

    def fresh_v1():
        shutil.rmtree(os.path.dirname(diary), ignore_errors=True)
        os.makedirs(os.path.dirname(diary))
        with sqlite3.connect(diary) as db:
            db.executescript(script)
        db.close()

    # how long a migration takes here, slowed down inside SQLite
    fresh_v1()
    started = time.monotonic()
    subprocess.run([HELPER, "open", diary], env=slow, check=True, capture_output=True)
    duration = time.monotonic() - started
    check(user_version(diary) == SCHEMA_VERSION, f"a whole migration takes {duration * 1000:.0f} ms, slowed")

    # Half the kills fall at a random moment of the time it took, most of
    # them before the commit however loaded the machine is; the other half
    # a random moment after the helper said it had opened (and so
    # committed) the diary, which a measured time could not promise.
    old = new = mixed = 0
    rng = random.Random(1131562105)
    hold = dict(slow, SAFETY_HOLD="1")
    for kill in range(MIGRATION_KILLS):
        fresh_v1()
        opener = subprocess.Popen([HELPER, "open", diary], env=hold, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if kill % 2 == 0:
            time.sleep(rng.uniform(0.0, duration))
        else:
            opener.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.02))
        opener.kill()
        opener.wait()
        opener.stdin.close()
        opener.stdout.close()
        version, names = user_version(diary), tables(diary)
        if version == 1 and names == {"episode"}:
            old += 1
        elif version == SCHEMA_VERSION and {"episode", "profile", "profile_medication", "stretch"} <= names:
            new += 1
        else:
            mixed += 1
        if integrity(diary) != "ok" or len(ids_in(diary)) != 3:
            mixed += 1

    check(mixed == 0, f"{MIGRATION_KILLS} killed migrations: {old} left version 1, {new} version {SCHEMA_VERSION}, {mixed} a mix")
    check(old > 0 and new > 0, "the kills fell both before and after the migration's commit")
    print(f"# figure: {MIGRATION_KILLS} kills during migration, {old} old, {new} new, {mixed} mixed")


def test_two_writers(home):
    step("two processes writing at once: the store and the command line")
    env, diary = environment(os.path.join(home, "two"))
    os.makedirs(os.path.dirname(diary), exist_ok=True)
    csv = os.path.join(home, "two.csv")
    write_csv(csv, "b0000000", 400)
    writer = subprocess.Popen([HELPER, "write", diary, "a0000000", "400"], stdout=subprocess.DEVNULL)
    time.sleep(0.05)
    importer = cli(env, "--import", csv)
    check(importer.returncode == 0, f"the import succeeded: {importer.stdout.strip()}")
    check(writer.wait() == 0, "the other writer succeeded")
    rows = len(ids_in(diary))
    check(rows == 800 and integrity(diary) == "ok", f"{rows} rows written by two processes, all there")
    print(f"# figure: {rows} rows written by two processes at once")


def test_full_disk_page_limit(home):
    step("a full disk, as PRAGMA max_page_count makes it")
    _, diary = environment(os.path.join(home, "full"))
    os.makedirs(os.path.dirname(diary), exist_ok=True)
    subprocess.run([HELPER, "write", diary, "c0000000", "20"], check=True, stdout=subprocess.DEVNULL)
    with connect(diary) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    limited = dict(os.environ, SAFETY_MAX_PAGES=str(pages + 3))
    out = subprocess.run([HELPER, "fill", diary], env=limited, check=True, capture_output=True, text=True).stdout
    report = dict(line.split(" ", 1) for line in out.splitlines())
    added = int(report["added"])
    check(report["full"] == "1", "the store says the disk is full")
    check(report["message"].startswith("The disk is full"), f"in a sentence: “{report['message']}”")
    check(len(ids_in(diary)) == 20 + added and integrity(diary) == "ok",
          f"the 20 episodes before and the {added} that fitted are intact")


def test_full_disk_tmpfs(home):
    step("a full disk, on a small tmpfs")
    if os.geteuid() != 0 or shutil.which("unshare") is None or \
            subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        print("# skipped: mounting a tmpfs needs a mount namespace (root and unshare)")
        return
    mount = os.path.join(home, "tmpfs")
    os.makedirs(mount)
    small, big = os.path.join(home, "small.csv"), os.path.join(home, "big.csv")
    write_csv(small, "d0000000", 20)
    write_csv(big, "e0000000", 4000, note="A long note. " * 20)
    script = f"""
        set -u
        mount -t tmpfs -o size=160k tmpfs '{mount}' || exit 77
        export XDG_DATA_HOME='{mount}'
        '{BINARY}' --import '{small}' >/dev/null || exit 10
        '{BINARY}' --import '{big}' 2>'{home}/big.err'; echo "big $?"
        '{BINARY}' --export - | wc -l | sed 's/^/rows /'
        '{BINARY}' --export '{mount}/out.csv' 2>/dev/null; echo "export-into-full $?"
    """
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True)
    if result.returncode == 77:
        print("# skipped: this machine does not allow a tmpfs mount")
        return
    report = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    with open(os.path.join(home, "big.err"), encoding="utf-8") as f:
        message = f.read().strip()
    check(report.get("big") == "1", "importing more than fits exits 1")
    check("disk is full" in message, f"saying so: “{message.splitlines()[0] if message else ''}”")
    check(report.get("rows") == "21", "the 20 episodes before are all there")


def test_secret_gone_after_delete(home):
    step("a deleted note is in none of the files")
    env, diary = environment(os.path.join(home, "secret"))
    csv = os.path.join(home, "secret.csv")
    marker = "ZQXJ-PRIVATE-NOTE-4711"
    write_csv(csv, "f0000000", 30)
    with open(csv, "a", encoding="utf-8") as f:
        f.write(f"f1000000-0000-4000-8000-000000000001,2026-02-27T03:00:00+01:00,calf,60,{marker}\n")
    check(cli(env, "--import", csv).returncode == 0, "a note is written")
    subprocess.run([HELPER, "remove", diary, "f1000000-0000-4000-8000-000000000001"], check=True)
    # the backup of the day keeps the diary as it was before the delete,
    # by design (README, help): the diary's own files must not
    found = []
    for name in os.listdir(os.path.dirname(diary)):
        path = os.path.join(os.path.dirname(diary), name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                if marker.encode() in f.read():
                    found.append(name)
    check(found == [], f"and once deleted it is in none of the diary's files ({found})")

    modes = {}
    for folder, dirs, names in os.walk(os.path.dirname(diary)):
        modes[folder] = stat.S_IMODE(os.stat(folder).st_mode)
        for name in names:
            modes[os.path.join(folder, name)] = stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)
    wrong = {path: oct(mode) for path, mode in modes.items()
             if mode != (0o700 if os.path.isdir(path) else 0o600)}
    check(wrong == {}, f"{len(modes)} files and folders, all private to the user ({wrong})")


def test_damaged_diaries(home):
    step("damaged diaries: refused, explained, left exactly as they were")
    env, diary = environment(os.path.join(home, "damaged"))
    folder = os.path.dirname(diary)
    csv = os.path.join(FIXTURES, "red-flags.csv")

    def good_diary():
        shutil.rmtree(folder, ignore_errors=True)
        check(cli(env, "--import", csv).returncode == 0, "a good diary to damage")
        with open(diary, "rb") as f:
            return f.read()

    def snapshot():
        return {name: open(os.path.join(folder, name), "rb").read()
                for name in sorted(os.listdir(folder)) if os.path.isfile(os.path.join(folder, name))}

    kinds = {
        "garbage": lambda data: b"\x00\x17 not a diary " * 100,
        "truncated": lambda data: data[:len(data) // 2],
        "zero bytes": lambda data: b"",
        "header only": lambda data: data[:100],
    }
    tried = []
    for kind, damage in kinds.items():
        data = good_diary()
        with open(diary, "wb") as f:
            f.write(damage(data))
        before = snapshot()
        result = cli(env, "--export", "-")
        message = result.stderr.strip()
        check(result.returncode == 1 and message.count("\n") == 0 and message.endswith("."),
              f"{kind}: exit 1, “{message}”")
        check(snapshot() == before, f"{kind}: every file as it was, none deleted")
        tried.append(kind)

    # another application's database, and a diary of a newer version
    for kind, sql in [("another application's", "PRAGMA application_id = 42; CREATE TABLE songs (t);"),
                      ("newer version", "PRAGMA application_id = 1131562105; PRAGMA user_version = 99;"
                                        " CREATE TABLE future (x);")]:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        with sqlite3.connect(diary) as db:
            db.executescript(sql)
        db.close()
        before = snapshot()
        result = cli(env, "--export", "-")
        message = result.stderr.strip()
        check(result.returncode == 1 and message.count("\n") == 0, f"{kind}: exit 1, “{message}”")
        check(snapshot() == before, f"{kind}: left exactly as it was")
        tried.append(kind)

    # a diary whose -wal was lost after a crash: what the file holds
    # opens, and it is not made new
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    writer = subprocess.Popen([HELPER, "write", diary, "90000000"], stdout=subprocess.PIPE)
    time.sleep(0.3)
    writer.kill()
    writer.wait()
    wal = diary + "-wal"
    check(os.path.getsize(wal) > 0, "a diary killed while writing has its -wal")
    os.unlink(wal)
    result = cli(env, "--export", "-")
    check(result.returncode == 0 and user_version(diary) == SCHEMA_VERSION,
          f"missing its -wal: opens what the file holds ({result.stdout.count(chr(10)) - 1} episodes), "
          "not made new")
    tried.append("missing -wal")

    print(f"# figure: {len(tried)} kinds of damaged diary tried: {', '.join(tried)}")


def main():
    global SCHEMA_VERSION
    home = tempfile.mkdtemp(prefix="cramp-safety-")
    try:
        SCHEMA_VERSION = schema_version(home)
        for test in (test_kills_during_writes, test_kills_during_import, test_kills_during_migration,
                     test_two_writers, test_full_disk_page_limit, test_full_disk_tmpfs,
                     test_secret_gone_after_delete, test_damaged_diaries):
            folder = os.path.join(home, test.__name__)
            os.makedirs(folder)
            test(folder)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    run(main)
