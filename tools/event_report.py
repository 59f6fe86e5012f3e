#!/usr/bin/env python3
"""Corpus report for the event coder.

    event_report.py --bin build/marsad [--sample N] [--seed S] PATHS...

Runs `marsad extract` and `marsad explain` on PATHS and prints: documents,
sentences, events per article (by type and modality), the share of sentences
with a trigger but no reported event, actorless and recipientless shares, and a
seeded random sample of events (type, actor → recipient, trigger, sentence) to
check by hand.
"""
import argparse
import collections
import json
import random
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/marsad")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    out = subprocess.run([a.bin, "extract", "--no-body"] + a.paths, capture_output=True, text=True).stdout
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    ex = subprocess.run([a.bin, "explain"] + a.paths, capture_output=True, text=True).stdout
    sentences = with_trigger = with_event = 0
    cur = None
    def flush(c):
        nonlocal with_trigger, with_event
        if c is None:
            return
        if c["trig"]:
            with_trigger += 1
            if c["event"]:
                with_event += 1
    for line in ex.splitlines():
        if re.match(r"^\[\d+\] ", line):
            flush(cur)
            sentences += 1
            cur = {"trig": False, "event": False}
        elif line.startswith("# "):
            flush(cur)
            cur = None
        elif line.startswith("  event  ") and cur is not None:
            cur["trig"] = True
            if "(not reported" not in line:
                cur["event"] = True
    flush(cur)
    events = [(d["id"], e) for d in docs for e in d.get("events", [])]
    types = collections.Counter(e["event_type"] for _, e in events)
    mods = collections.Counter(e["modality"] for _, e in events)
    no_actor = sum(1 for _, e in events if not any(x.get("code") for x in e["actor"]))
    no_rec = sum(1 for _, e in events if not e["recipient"])
    n = len(docs)
    print(f"documents {n}  sentences {sentences}  events {len(events)}  events/article {len(events) / max(n, 1):.2f}")
    print(f"sentences with a trigger {with_trigger} ({100 * with_trigger / max(sentences, 1):.1f}%), "
          f"of which without a reported event {with_trigger - with_event} "
          f"({100 * (with_trigger - with_event) / max(with_trigger, 1):.1f}%)")
    print(f"events without a coded actor {100 * no_actor / max(len(events), 1):.1f}%, "
          f"without a recipient {100 * no_rec / max(len(events), 1):.1f}%")
    print("by type:", ", ".join(f"{k} {v}" for k, v in types.most_common()))
    print("by modality:", ", ".join(f"{k} {v}" for k, v in mods.most_common()))
    rnd = random.Random(a.seed)
    sample = rnd.sample(events, min(a.sample, len(events)))
    print(f"\nsample of {len(sample)} events (seed {a.seed}):")
    for i, (doc, e) in enumerate(sample, 1):
        act = ",".join(f"{x.get('code') or '-'}/{x.get('sector') or '-'}" for x in e["actor"]) or "-"
        rec = ",".join(f"{x.get('code') or '-'}" for x in e["recipient"]) or "-"
        print(f"{i:2}. {doc} {e['event_type']}/{e.get('mode') or '-'} {act} -> {rec} [{e['modality']}] "
              f"«{e.get('trigger')}»\n    {e['text'][:220]}")


if __name__ == "__main__":
    sys.exit(main())
