#!/usr/bin/python3
# Copyright 2026 The Cramp Diary developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The C sources follow the GNU/GTK style of STYLE.md, as the code
really does: the rules below, checked on every .c and .h file of src/
and tests/. Each finding is FILE:LINE: what is wrong.

clang-format cannot express this style whole (it cannot align parameter
names GNU-style while leaving local declarations unaligned, which is why
GTK checks its code with uncrustify); .clang-format is for editors, and
this is what the suite holds the tree to:

- a copyright line and the SPDX line first; #pragma once in headers;
  config.h first among a source file's includes;
- two-space indentation, no tab, no trailing space, a final newline;
- a space before every "(" of a call, a definition or a control
  statement, except in _(), N_(), C_(), NC_() and g_auto…();
- a definition's return type on its own line;
- a brace of a block on its own line, never after if/for/while/else;
- lines of at most 120 characters, unless a string (a sentence to
  translate, say) makes them longer.

And two rules of the architecture (DESIGN.md, "One write path"): in
src/, no SQLite outside the store's own files, src/core/cramp-store*.c:
no sqlite3 call, type or header, and not the store's private header; and
the application's widgets receive the session, never the store: in the
files of src/ itself, only the session, the application (for the
command line) and the background service reach the store."""

import pathlib
import re
import sys

MAX_LINE = 120
NO_SPACE = {"_", "N_", "C_", "NC_", "NP_", "g_autoptr", "g_auto", "g_autolist", "g_autoslist",
            "defined", "__attribute__"}

call = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\(")
definition_on_type_line = re.compile(
    r"^(?:static |const |inline )*[A-Za-z_][A-Za-z0-9_]* \**[a-z_][a-z0-9_]* \(")
brace_after_statement = re.compile(r"\b(if|for|while|switch|else|do)\b.*\{\s*$")
store_use = re.compile(r"\bcramp_store_\w+|\bCrampStore\b")
sqlite = re.compile(r"\bsqlite3(_\w+)?\b|<sqlite3\.h>")
strings = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')


def code_of(lines):
    """Each line without its strings and comments, for the rules on code."""
    in_comment = False
    for line in lines:
        line = strings.sub('""', line)
        out = ""
        while line:
            if in_comment:
                end = line.find("*/")
                if end < 0:
                    line = ""
                else:
                    line = line[end + 2:]
                    in_comment = False
            else:
                start = line.find("/*")
                if start < 0:
                    out += line.split("//")[0]
                    line = ""
                else:
                    out += line[:start]
                    line = line[start + 2:]
                    in_comment = True
        yield out


def check(path, rel):
    problems = []
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")

    def say(number, what):
        problems.append(f"{rel}:{number}: {what}")

    if not lines[0].startswith("/* Copyright ") or "SPDX-License-Identifier: GPL-3.0-or-later" not in lines[1]:
        say(1, "the copyright line and the SPDX line come first")
    if path.suffix == ".h" and "#pragma once" not in lines:
        say(1, "a header says #pragma once")
    includes = [line for line in lines if line.startswith("#include")]
    if path.suffix == ".c" and includes and includes[0] != '#include "config.h"':
        say(lines.index(includes[0]) + 1, "config.h is the first include")
    if not text.endswith("\n"):
        say(len(lines), "the file ends with a newline")

    outside_store = rel.parts[0] == "src" and not rel.name.startswith("cramp-store")
    widget = (len(rel.parts) == 2 and rel.parts[0] == "src" and
              not rel.name.startswith(("cramp-session", "cramp-application.", "cramp-service-host.", "cramp-schedule.", "cramp-bedtime-schedule.", "cramp-checkin-schedule.")))
    for number, (line, code) in enumerate(zip(lines, code_of(lines)), 1):
        if outside_store and (sqlite.search(code) or '"cramp-store-private.h"' in line):
            say(number, "SQLite belongs to the store: read and write through cramp-store-*.h")
        if widget and (store_use.search(code) or '#include "cramp-store' in line):
            say(number, "a widget reaches the diary through the session, never the store")
        if "\t" in line:
            say(number, "a tab; indent with spaces")
        if line != line.rstrip():
            say(number, "trailing space")
        if len(line) > MAX_LINE and '"' not in line:
            say(number, f"{len(line)} characters; wrap at {MAX_LINE}")
        if code.lstrip().startswith("#"):
            continue
        for match in call.finditer(code):
            if match.group(1) not in NO_SPACE:
                say(number, f"a space goes before the ( of {match.group(1)}")
        if definition_on_type_line.match(code) and not code.rstrip().endswith((";", ",")) and " = " not in code:
            say(number, "the return type of a definition goes on a line of its own")
        if brace_after_statement.search(code) and not code.strip().startswith("{"):
            say(number, "the brace of a block goes on a line of its own")
        indent = len(code) - len(code.lstrip(" "))
        if code.strip() and code.strip()[0] in "{}" and indent % 2:
            say(number, "braces are indented by two spaces a level")

    return problems


top = pathlib.Path(sys.argv[1])
paths = sorted(p for d in ("src", "tests") for p in (top / d).rglob("*.[ch]"))
problems = [problem for path in paths for problem in check(path, path.relative_to(top))]
for problem in problems:
    print(problem)
print(f"{len(paths)} files, {len(problems)} problems")
sys.exit(1 if problems else 0)
