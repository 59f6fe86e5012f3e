#!/usr/bin/env python3
"""Run marsad's spec files: input -> expected output, through the CLI.

    run_specs.py --bin build/marsad [--label NAME] [-k PATTERN] DIR_OR_FILES...

A spec file holds cases:

    === case name
    $ analyze --view tokens          arguments after `marsad` (shell-quoted)
    --- input                        fed on standard input (optional)
    ...
    --- output                       expected standard output, exactly
    ...
    --- json                         or: assertions on the JSON output, one per line:
    title = "..."                    PATH = JSON value; PATH like events[0].actor[0].code,
    events.length = 2                `.length` of an array, `[*]` any element:
    events[*].event_type has "AGREE"  PATH has VALUE (some element equals it)
    --- exit 1                       expected exit status (default 0)
    --- stderr                       lines that must appear in standard error

Commands run with the spec's folder as working directory, so fixtures are
named relative to it (fixtures/...). Prints one line per failure and a closing
line "N passed, N failed"; exits 1 if anything failed.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys


def parse(path):
    cases, cur, sect = [], None, None
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("=== "):
                cur = {"name": line[4:].strip(), "file": path, "line": ln, "args": None,
                       "input": [], "output": None, "json": None, "exit": 0, "stderr": None}
                cases.append(cur)
                sect = None
                continue
            if cur is None:
                continue
            if line.startswith("$ ") and sect is None:
                cur["args"] = shlex.split(line[2:])
                continue
            m = re.match(r"^--- (input|output|json|stderr|exit)\s*(.*)$", line)
            if m:
                sect = m.group(1)
                if sect == "exit":
                    cur["exit"] = int(m.group(2))
                    sect = None
                elif sect == "input":
                    cur["input"] = []
                else:
                    cur[sect] = []
                continue
            if sect == "input":
                cur["input"].append(line)
            elif sect in ("output", "json", "stderr"):
                cur[sect].append(line)
    return cases


def get_path(obj, path):
    """Resolve PATH; returns a list of candidate values ([*] fans out)."""
    vals = [obj]
    for part in re.findall(r"[^.\[\]]+|\[\*\]|\[\d+\]", path):
        nxt = []
        for v in vals:
            if part == "[*]":
                if isinstance(v, list):
                    nxt.extend(v)
            elif part.startswith("["):
                i = int(part[1:-1])
                if isinstance(v, list) and i < len(v):
                    nxt.append(v[i])
            elif part == "length" and isinstance(v, (list, str)):
                nxt.append(len(v))
            elif isinstance(v, dict) and part in v:
                nxt.append(v[part])
        vals = nxt
    return vals


def check_json(out, assertions):
    docs = []
    for line in out.splitlines():
        line = line.strip()
        if line:
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as e:
                return "output is not JSON Lines: %s" % e
    root = docs[0] if len(docs) == 1 else docs
    for a in assertions:
        if not a.strip() or a.lstrip().startswith("#"):
            continue
        m = re.match(r"^(\S+)\s+(=|has|!has)\s+(.*)$", a.strip())
        if not m:
            return "bad assertion: %s" % a
        path, op, want = m.groups()
        try:
            want = json.loads(want)
        except json.JSONDecodeError:
            return "bad JSON value in assertion: %s" % a
        got = get_path(root, path)
        if op == "=":
            if len(got) != 1 or got[0] != want:
                return "%s: want %s, got %s" % (path, json.dumps(want, ensure_ascii=False),
                                                 json.dumps(got[0] if len(got) == 1 else got, ensure_ascii=False))
        else:
            present = want in got
            if present != (op == "has"):
                return "%s %s %s: values are %s" % (path, op, json.dumps(want, ensure_ascii=False),
                                                    json.dumps(got, ensure_ascii=False))
    return None


def run_case(binary, c):
    if c["args"] is None:
        return "no command line"
    cwd = os.path.dirname(os.path.abspath(c["file"]))
    inp = "\n".join(c["input"]) + ("\n" if c["input"] else "")
    try:
        p = subprocess.run([binary] + c["args"], input=inp.encode("utf-8"), cwd=cwd,
                           capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "timed out"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if "Sanitizer" in err or "runtime error:" in err:
        return "sanitizer report:\n" + err[-3000:]
    if p.returncode != c["exit"]:
        return "exit %d, want %d; stderr: %s" % (p.returncode, c["exit"], err.strip()[-500:])
    if c["output"] is not None:
        want = "\n".join(c["output"]).rstrip()
        if out.rstrip() != want:
            return "output differs:\n--- want\n%s\n--- got\n%s" % (want, out.rstrip())
    if c["json"] is not None:
        msg = check_json(out, c["json"])
        if msg:
            return msg
    if c["stderr"] is not None:
        for line in c["stderr"]:
            if line.strip() and line.strip() not in err:
                return "stderr lacks «%s»; got: %s" % (line.strip(), err.strip()[-500:])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--label", default="")
    ap.add_argument("-k", default=None, help="only cases whose name contains this")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    files = []
    for p in a.paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".spec"))
        else:
            files.append(p)
    passed = failed = 0
    for f in files:
        for c in parse(f):
            if a.k and a.k not in c["name"]:
                continue
            msg = run_case(binary, c)
            if msg:
                failed += 1
                print("FAIL %s:%d: %s\n  %s" % (os.path.relpath(f), c["line"], c["name"],
                                               msg.replace("\n", "\n  ")))
            else:
                passed += 1
    label = (a.label + ": ") if a.label else ""
    print("%s%d passed, %d failed" % (label, passed, failed))
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
