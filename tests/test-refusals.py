#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""
What lies around the diary, tried as an unlucky user and as an attacker
would: targets that are not files, the app's own files, a damaged or
read-only diary, endless and nested input, output that cannot be
written, formulas, hidden characters, odd times, strict JSON, leftovers
and the locale. Every refusal is one sentence, exit status 1, and
changes nothing.
"""

import glob
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import tempfile
import time

from tap import check, run, step

BINARY = os.environ["CRAMP_DIARY_BIN"]
ROOT = os.geteuid() == 0

HEADER = "id,started_at,duration_s,muscle,side,intensity,activity,walk_distance_m,relieved_by,symptoms,triggers," \
         "fluid_ml,medications,woke_from_sleep,notes\n"
ROWS = (",2026-11-20T03:10:00+01:00,120,calf,left,7,sleeping,,stretching,skin-cold;numbness,,,"
        "\"Torem 10, Simvastatin 20mg\",true,\n"
        ",2026-11-22T02:40:00+01:00,90,calf,left,5,sleeping,,stretching,,,,,true,\n")


class Home:
    """A private HOME and XDG_DATA_HOME with a diary in it."""

    def __init__(self, top):
        self.dir = tempfile.mkdtemp(dir=top)
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.folder = os.path.join(self.data, "cramp-diary")
        self.diary = os.path.join(self.folder, "diary.sqlite3")

    def env(self, **extra):
        # what the suite set (faketime's clock among it), but the locale
        env = {k: v for k, v in os.environ.items()
               if not (k.startswith("LC_") or k in ("LANG", "LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY"))}
        env.update({"HOME": self.dir, "XDG_DATA_HOME": self.data, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                    "GSETTINGS_BACKEND": "memory", "TZ": "UTC", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}

    def run(self, *args, prefix=(), stdout=subprocess.PIPE, **extra):
        env = self.env(**extra)
        if prefix:
            # Another user cannot open the shared memory that root's
            # libfaketime keeps its clock in; it then makes its own, named
            # after its process id, and exits when a file left by an
            # earlier run has that name. What runs as another user here
            # does not depend on the hour, so it runs on the real clock.
            env = {k: v for k, v in env.items() if not (k.startswith("FAKETIME") or k == "LD_PRELOAD")}
        return subprocess.run([*prefix, BINARY, *args], cwd=self.dir, env=env, stdout=stdout,
                              stderr=subprocess.PIPE, timeout=120)

    def file(self, name, content, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode) as f:
            f.write(content)
        return path

    def export(self):
        result = self.run("--export", "-")
        return result.stdout


def one_sentence(result):
    err = result.stderr.decode().strip()
    return err != "" and "\n" not in err and err.endswith(".")


def refused(result, what, words=None):
    err = result.stderr.decode().strip()
    check(result.returncode == 1 and one_sentence(result) and (words is None or words in err),
          f"{what}: refused in a sentence ({result.returncode}: {err[:160]})")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def writing_commands(home, target):
    return [("--export", target), ("--report", target), ("--backup", target), ("--export-profile", target),
            ("--export-nights", target)]


def test_targets(home):
    step("1. a target that is not a file, or one of the app's own, is left as it is")
    home.run("--import", home.file("a.csv", HEADER + ROWS))
    # a second write of the day makes the automatic backup
    home.run("--import", home.file("b.csv", HEADER + ",2026-11-25T02:40:00+01:00,90,calf,right,,,,,,,,,,\n"))
    automatic = glob.glob(os.path.join(home.folder, "backups", "diary-*.sqlite3"))
    check(len(automatic) == 1, f"an automatic backup was made: {automatic}")

    fifo = os.path.join(home.dir, "fifo")
    os.mkfifo(fifo)
    sock_path = os.path.join(home.dir, "sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    folder = os.path.join(home.dir, "folder")
    os.mkdir(folder)
    kinds = [(fifo, stat.S_ISFIFO, "named pipe"), (sock_path, stat.S_ISSOCK, "socket"),
             (folder, stat.S_ISDIR, "folder")]
    if ROOT:
        device = os.path.join(home.dir, "full")
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        kinds.append((device, stat.S_ISCHR, "device"))
    for path, is_kind, name in kinds:
        for option, target in writing_commands(home, path):
            result = home.run(option, target)
            refused(result, f"{option} onto a {name}", name)
            check(is_kind(os.lstat(path).st_mode), f"{option}: the {name} is still one")
    sock.close()

    before = {path: digest(path) for path in [home.diary, *automatic]}
    for path in automatic:
        for option, target in writing_commands(home, path):
            refused(home.run(option, target), f"{option} onto an automatic backup", "own folder")
    aside = os.path.join(home.folder, "backups", "kept-aside.sqlite3")
    shutil.copy(automatic[0], aside)
    refused(home.run("--export", aside), "--export onto a diary kept aside", "own folder")
    refused(home.run("--export", os.path.join(home.folder, "new.csv")), "--export into the diary's folder")
    for path, sha in before.items():
        check(digest(path) == sha, f"{os.path.basename(path)} unchanged")


def damage(home):
    """Overwrites one page of cramps in the middle of the diary."""
    with sqlite3.connect(home.diary) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in db.execute("SELECT pageno FROM dbstat WHERE name = 'episode' AND pagetype = 'leaf' "
                                              "ORDER BY pageno")]
    with open(home.diary, "r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * size)
        f.write(b"\xff" * size)


def big_csv(n):
    rows = [HEADER]
    for i in range(n):
        rows.append(f",2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{i // 60 % 60:02d}+01:00,"
                    f"60,calf,left,,,,,,,,,,note {i} {'x' * 100}\n")
    return "".join(rows)


def test_damaged(home):
    step("2. a damaged diary is never written to, nor backed up as if whole")
    result = home.run("--import", home.file("big.csv", big_csv(3000)))
    check(result.returncode == 0, "a diary of 3000 cramps")
    damage(home)
    sha = digest(home.diary)
    reading = home.run("--findings")
    refused(reading, "--findings of a damaged diary", "damaged")
    sentence = reading.stderr.decode().strip()
    profile = home.file("profile.json", '{"birth_year": 1950}\n')
    copy = os.path.join(home.dir, "copy.sqlite3")
    for args in (("--import", home.file("a.csv", HEADER + ROWS)), ("--import-profile", profile),
                 ("--backup", copy), ("--export", "-")):
        result = home.run(*args)
        refused(result, f"{args[0]} of a damaged diary", "damaged")
        check(result.stderr.decode().strip() == sentence, f"{args[0]}: the sentence reading says")
    check(not os.path.exists(copy), "no copy passes for a backup")
    check(digest(home.diary) == sha, "the damaged diary is unchanged")


def test_nesting(home):
    step("3. no crash on any JSON file")
    for depth in (4, 80000, 1000000):
        result = home.run("--import-profile", home.file(f"nest{depth}.json", "[" * depth))
        refused(result, f"a profile of {depth} nested [", "deeper")
    result = home.run("--import-profile", home.file("deep.json", '{"medications": [{"name": {"a": 1}}]}'))
    refused(result, "a profile four levels deep", "deeper")


def test_endless(home):
    step("4. no endless reads: the limit counts bytes read")
    # GLib writes a no-break space between a size and its unit
    for option, limit in (("--import", "512.0\u00a0MiB"), ("--import-profile", "1.0\u00a0MiB")):
        result = home.run(option, "/dev/zero")
        refused(result, f"{option} /dev/zero", limit)
    fifo = os.path.join(home.dir, "pipe")
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"yes '[' | tr -d '\\n' > {fifo}"], stderr=subprocess.DEVNULL)
    result = home.run("--import-profile", fifo)
    writer.kill()
    writer.wait()
    refused(result, "--import-profile of an endless pipe", "1.0\u00a0MiB")
    lonely = os.path.join(home.dir, "lonely")
    os.mkfifo(lonely)
    result = home.run("--import", lonely)
    check(result.returncode == 1 and "the file is empty" in result.stderr.decode(),
          "a named pipe that nothing writes to reads as empty, at once")


def test_read_only(top):
    step("5. a read-only diary can still be read")
    home = Home(top)
    home.run("--import", home.file("a.csv", HEADER + ROWS))
    expected = home.export()
    if ROOT:
        # root may write any file: the diary is another user's here
        shutil.chown(home.dir, "nobody", "nogroup")
        for base, dirs, files in os.walk(home.dir):
            for name in dirs + files:
                shutil.chown(os.path.join(base, name), "nobody", "nogroup")
        prefix = ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")
    else:
        prefix = ()
    os.chmod(home.diary, 0o444)
    sha = digest(home.diary)
    result = home.run("--export", "-", prefix=prefix)
    check(result.returncode == 0 and result.stdout == expected, "a 0444 diary exports as it is")
    check(home.run("--findings", "--json", prefix=prefix).returncode == 0, "and gives its findings")
    result = home.run("--import", home.file("b.csv", HEADER + ROWS), prefix=prefix)
    refused(result, "--import into a 0444 diary", "read-only")
    check(sorted(os.listdir(home.folder)) == ["diary.sqlite3"], f"nothing beside it: {os.listdir(home.folder)}")

    os.chmod(home.diary, 0o644)
    os.chmod(home.folder, 0o500)
    result = home.run("--export", "-", prefix=prefix)
    check(result.returncode == 0 and result.stdout == expected, "a diary in a 0500 folder exports")
    result = home.run("--import", home.file("c.csv", HEADER + ROWS), prefix=prefix)
    refused(result, "--import into a 0500 folder", "read-only")
    check(stat.S_IMODE(os.stat(home.folder).st_mode) == 0o500, "the folder the user made read-only stays so")
    check(digest(home.diary) == sha, "the diary is unchanged")
    os.chmod(home.folder, 0o700)

    if ROOT and shutil.which("unshare") and subprocess.run(["unshare", "-m", "true"]).returncode == 0:
        # a read-only medium: root cannot write it either
        script = (f"mount --bind {home.folder} {home.folder} && mount -o remount,ro,bind {home.folder} && "
                  f"exec {BINARY} --export -")
        result = subprocess.run(["unshare", "-m", "sh", "-c", script], env=home.env(), capture_output=True)
        check(result.returncode == 0 and result.stdout == expected, "a diary on a read-only medium exports")


def test_write_checked(home):
    step("6. every write is checked")
    home.run("--import", home.file("a.csv", HEADER + ROWS))
    with open("/dev/full", "w") as full:
        for args in (("--findings",), ("--findings", "--json"), ("--export", "-"), ("--export-profile", "-"),
                     ("--version",)):
            result = home.run(*args, stdout=full)
            refused(result, f"{' '.join(args)} > /dev/full")


def test_formulas(home):
    step("7. no formula runs from an export; hidden characters are refused")
    notes = ['=HYPERLINK("http://example.invalid","click")', "+1", "-2", "@SUM(A1)", "\tlead", "'=quoted",
             "''+twice", "'plain", "plain"]
    rows = [HEADER]
    for i, note in enumerate(notes):
        quoted = '"' + note.replace('"', '""') + '"'
        rows.append(f",2026-10-{i + 1:02d}T03:00:00+02:00,60,calf,left,,,,,,,,,,{quoted}\n")
    result = home.run("--import", home.file("f.csv", "".join(rows)))
    check(result.returncode == 0, "notes that look like formulas import")
    first = home.export().decode()
    for line in first.splitlines()[1:]:
        cell = line.split(",", 14)[14].strip('"')
        check(cell == "" or cell[0] not in "=+-@\t\r", f"no cell begins a formula: {cell[:30]!r}")
    other = Home(os.path.dirname(home.dir))
    other.run("--import", other.file("again.csv", first))
    check(other.export().decode() == first, "export, import, export: byte for byte")

    for field, value, char in (("notes", "a\x07b", "U+0007"), ("notes", "a\u202eb", "U+202E"),
                               ("medications", "Lasix\u202e", "U+202E"), ("medications", "Lasix\u2066", "U+2066"),
                               ("notes", "a\rb", "U+000D")):
        column = "notes" if field == "notes" else "medications"
        path = home.file("h.csv", f"started_at,muscle,side,{column}\n2026-11-01T03:00:00+01:00,calf,left,\"{value}\"\n")
        result = home.run("--import", path)
        err = result.stderr.decode()
        check(result.returncode == 1 and char in err and f"in the {field}" in err,
              f"{char} in {field} is refused, by name: {err.strip()[:120]}")
    profile = home.file("p.json", '{"medications": [{"name": "Chinin\u202e"}]}')
    result = home.run("--import-profile", profile)
    refused(result, "a profile medication with U+202E", "U+202E")
    check("\u202e" not in home.run("--findings").stdout.decode(), "and it is echoed nowhere")


def test_summaries(home):
    step("8. honest import summaries and times")
    path = home.file("rep.csv", "started_at,muscle,side\n2026-11-20T03:10:00+01:00,calf,left\n"
                                "2026-11-20T03:10:00+01:00,calf,left\n")
    out = home.run("--import", path).stdout.decode()
    check("1 row repeats an earlier row of this file" in out and "already in the diary" not in out,
          f"a repeated row in an empty diary: {out.strip()}")
    out = home.run("--import", path).stdout.decode()
    check("1 was already in the diary" in out and "1 row repeats" in out, f"imported again: {out.strip()}")

    for text, words in (("2026-06-30T23:59:60+00:00", "leap second"), ("2026-06-01T03:00:00+14:30", "±14:00"),
                        ("2026-06-01T03:00:00-14:01", "±14:00")):
        before = home.export()
        result = home.run("--import", home.file("t.csv", f"started_at,muscle,side\n{text},calf,left\n"))
        err = result.stderr.decode()
        check(result.returncode == 1 and words in err and home.export() == before, f"{text}: {err.strip()[:100]}")
    result = home.run("--import", home.file("k.csv", "started_at,muscle,side\n2026-06-01T03:00:00-12:00,calf,left\n"
                                                     "2026-06-01T03:00:00+14:00,calf,left\n"))
    check(result.returncode == 0, "offsets of -12:00 and +14:00 are clocks on Earth")

    berlin = Home(os.path.dirname(home.dir))
    path = berlin.file("gap.csv", "started_at,muscle,side\n2026-03-29T02:30:00,calf,left\n"
                                  "2026-03-29T02:45:00,calf,right\n2026-10-25T02:30:00,calf,left\n")
    out = berlin.run("--import", path, TZ="Europe/Berlin").stdout.decode()
    check(out.count("clocks skip") == 1 and out.startswith("Imported 3") and "2 starts" in out,
          f"the skipped hour said once: {out.strip()}")
    starts = [line.split(",")[1] for line in berlin.export().decode().splitlines()[1:]]
    check(starts == ["2026-03-29T03:30:00+02:00", "2026-03-29T03:45:00+02:00", "2026-10-25T02:30:00+01:00"],
          f"moved by the gap: {starts}")


def test_strict_json(home):
    step("9. strict profile JSON")
    cases = [("dup.json", '{"birth_year": 1950, "birth_year": 1960}', "twice"),
             ("dup2.json", '{"medications": [{"name": "a", "name": "b"}]}', "twice"),
             ("two.json", '{"birth_year": 1950}\n{"birth_year": 1960}\n', "after its end"),
             ("comment.json", '{/* no */ "birth_year": 1950}', "comment"),
             ("line.json", '{"birth_year": 1950} // no', "after its end"),
             ("single.json", "{'birth_year': 1950}", "single quote"),
             ("nul.json", '{"medications": [{"name": "a\\u0000b"}]}', "NUL"),
             ("escaped.json", '{"birth\\u005fyear": 1950}', "not a key")]
    home.run("--import-profile", home.file("good.json", '{"birth_year": 1940, "medications": [{"name": "It\'s"}]}'))
    before = home.run("--export-profile", "-").stdout
    for name, text, words in cases:
        result = home.run("--import-profile", home.file(name, text))
        err = result.stderr.decode()
        check(result.returncode == 1 and err.startswith(os.path.join(home.dir, name) + ": ") and words in err,
              f"{name}: {err.strip()[len(home.dir) + 1:][:110]}")
    check(home.run("--export-profile", "-").stdout == before, "the profile is unchanged")


def test_leftovers(home):
    step("10. no leftovers")
    home.run("--import", home.file("big.csv", big_csv(3000)))
    backups = os.path.join(home.folder, "backups")
    os.makedirs(backups, exist_ok=True)
    old = time.time() - 2 * 3600
    stale = []
    for folder, name in ((home.folder, ".diary-new-AbC123"), (backups, ".backup-XyZ789"),
                         (backups, ".backup-XyZ789-journal")):
        path = os.path.join(folder, name)
        open(path, "w").close()
        os.utime(path, (old, old))
        stale.append(path)
    fresh = os.path.join(backups, ".backup-Fresh1")
    open(fresh, "w").close()
    # now on the clock the app reads, which faketime may have moved away
    # from the file system's; faketime reads the moment it starts at in
    # the time zone, so the app is given the test's
    now = time.time()
    os.utime(fresh, (now, now))
    home.run("--findings", TZ=os.environ.get("TZ", "UTC"))
    check(not any(os.path.exists(p) for p in stale), "what a killed process left an hour ago is removed")
    check(os.path.exists(fresh), "what another process is writing now is not")
    if ROOT and subprocess.run(["unshare", "-m", "true"]).returncode == 0:
        # a disk with room for the copy, but not for what SQLite writes
        # beside it as it finishes (its -wal and -shm)
        target = os.path.join(home.dir, "small")
        os.mkdir(target)
        size = os.path.getsize(home.diary) // 1024 + 8
        script = (f"mount -t tmpfs -o size={size}k tmpfs {target} && "
                  f"{BINARY} --backup {target}/copy.sqlite3; echo $? > {home.dir}/status; ls -A {target}")
        result = subprocess.run(["unshare", "-m", "sh", "-c", script], env=home.env(), capture_output=True)
        with open(os.path.join(home.dir, "status")) as f:
            status = f.read().strip()
        check(status == "1" and result.stdout.decode().strip() == "",
              f"a backup onto a full disk leaves nothing: {result.stdout.decode().split()}")


LOCALES = [
    {"LANG": "C.UTF-8", "LC_ALL": None},
    {"LANG": "C", "LC_ALL": None},
    {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_CTYPE": "tr_TR.UTF-8"},
    {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_TIME": "fr_FR.UTF-8"},
    {"LANG": "C.UTF-8", "LC_ALL": "tr_TR.UTF-8", "LANGUAGE": "en"},
    {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_NUMERIC": "de_DE.UTF-8", "LC_TIME": "de_DE.UTF-8"},
]


def test_locales(home):
    step("11. machine-readable output does not depend on the locale")
    home.run("--import", home.file("a.csv", HEADER + ROWS + ",2026-02-20T03:00:00+01:00,700,calf,left,,,,,,,,,,\n"
                                   ",2026-02-22T03:00:00+01:00,700,calf,left,,,,,,,,,,\n"
                                   ",2026-02-23T03:00:00+01:00,700,calf,left,,,,,,,,,,\n"))
    outputs = []
    for settings in LOCALES:
        result = home.run("--findings", "--json", "--since", "2026-01-01", "--until", "2026-12-31", **settings)
        outputs.append(result.stdout)
        check(result.returncode == 0, f"--findings --json under {settings}")
    check(all(out == outputs[0] for out in outputs), "the same bytes under six locale settings")
    text = outputs[0].decode("utf-8")
    check("20 Feb 2026" in text and "“" in text, "English month names, and UTF-8 quotes")
    data = json.loads(text)
    check(any(f["id"] == "frequent" for f in data["findings"]), "with a sign that names a date")
    heading = home.run("--findings", "--since", "2026-01-01", "--until", "2026-12-31", LC_ALL=None,
                       LANG="en_US.UTF-8", LC_CTYPE="tr_TR.UTF-8").stdout.decode()
    check("GET MEDICAL ADVICE TODAY" in heading and "İ" not in heading, "headings in capitals without a Turkish İ")


def main():
    top = tempfile.mkdtemp(prefix="cramp-refusals-")
    os.chmod(top, 0o755)
    try:
        test_targets(Home(top))
        test_damaged(Home(top))
        test_nesting(Home(top))
        test_endless(Home(top))
        test_read_only(top)
        test_write_checked(Home(top))
        test_formulas(Home(top))
        test_summaries(Home(top))
        test_strict_json(Home(top))
        test_leftovers(Home(top))
        test_locales(Home(top))
    finally:
        shutil.rmtree(top, ignore_errors=True)


run(main)
