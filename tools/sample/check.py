#!/usr/bin/env python3
"""Sanity check of data/sample/ (standard library only): parses every file the way a
tolerant reader would, counts records per file / language / month, and confirms that
exactly the deliberately broken records fail.   python3 tools/sample/check.py [DIR]"""
import collections
import csv
import io
import json
import os
import re
import sys

D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "sample")
ok = True


def fail(msg):
    global ok
    ok = False
    print("FAIL:", msg)


gt = list(csv.DictReader(open(os.path.join(D, "ground_truth.csv"), encoding="utf-8")))
broken = collections.defaultdict(dict)
for r in gt:
    if r["broken"] and r["broken"] != "caption_null":
        broken[r["file"]][int(r["line"])] = r["broken"]
texts = {}  # (file, record_id) -> text

# Meltwater UTF-16
raw = open(os.path.join(D, "meltwater_export.csv"), "rb").read()
if raw[:2] != b"\xff\xfe":
    fail("meltwater_export.csv: no UTF-16LE BOM")
txt = raw[2:].decode("utf-16-le")
if "\r\n" not in txt or re.search(r"[^\r]\n", txt):
    fail("meltwater_export.csv: not CRLF")
for name, t, sep in (("meltwater_export.csv", txt, "\t"),
                     ("meltwater_export_utf8.csv", open(os.path.join(D, "meltwater_export_utf8.csv"), encoding="utf-8", newline="").read(), ",")):
    rows = list(csv.DictReader(io.StringIO(t, newline=""), delimiter=sep))
    bad = []
    for i, r in enumerate(rows):
        line = i + 2
        good = re.fullmatch(r"\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d[AP]M", r["Date"]) and r["Date"][:2] <= "31" and \
            not r["Date"].startswith("31-Feb") and (r["Opening Text"] or r["Hit Sentence"] or r["Headline"])
        if not good:
            bad.append(line)
        texts[(name, r["URL"])] = (r["Headline"] + "\n" + r["Opening Text"]) if r["Headline"] else r["Opening Text"]
    if sorted(bad) != sorted(broken[name]):
        fail(f"{name}: bad rows {bad} != expected {sorted(broken[name])}")
    print(f"{name}: {len(rows)} rows, {len(bad)} rejected, columns {len(rows[0])}")

# Telegram
for name in ("telegram_channel/result.json", "telegram_group/result.json"):
    s = open(os.path.join(D, name), encoding="utf-8").read()
    j = json.loads(s)
    lines = s.split("\n")
    start = {}
    for i, ln in enumerate(lines):
        m = re.fullmatch(r'   "id": (\d+),', ln)
        if m:
            start[int(m.group(1))] = i
    n_text = n_bad = n_photo = n_serv = 0
    bad = []
    ids = set()
    for m in j["messages"]:
        ids.add(m["id"])
        if m["type"] == "service":
            n_serv += 1
            continue
        if "text" not in m or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", m["date"]) or not m.get("date_unixtime") \
                or int(m["date"][5:7]) > 12:
            bad.append(start[m["id"]])
            continue
        t = m["text"] if isinstance(m["text"], str) else "".join(x if isinstance(x, str) else x["text"] for x in m["text"])
        t2 = "".join(e["text"] for e in m["text_entities"])
        if t != t2:
            fail(f"{name}: text and text_entities differ in {m['id']}")
        if not t:
            n_photo += 1
            continue
        n_text += 1
        texts[(name, str(m["id"]))] = t
        if m.get("reply_to_message_id") and m["reply_to_message_id"] not in ids:
            fail(f"{name}: reply to unknown {m['reply_to_message_id']}")
    if sorted(bad) != sorted(broken[name]):
        fail(f"{name}: bad {bad} != expected {sorted(broken[name])}")
    print(f"{name}: {j['type']}, {len(j['messages'])} messages: {n_text} with text, {n_photo} photo-only, "
          f"{n_serv} service, {len(bad)} rejected")

# NDJSON / JSONL
for name in ("instagram.ndjson", "posts.jsonl"):
    bad, n, nocap = [], 0, 0
    for i, ln in enumerate(open(os.path.join(D, name), encoding="utf-8")):
        n += 1
        try:
            r = json.loads(ln)
        except json.JSONDecodeError:
            bad.append(i + 1)
            continue
        if name == "instagram.ndjson":
            d = r["data"]
            if d is None or not isinstance(d.get("taken_at"), int):
                bad.append(i + 1)
                continue
            if d["caption"] is None:
                nocap += 1
                continue
            texts[(name, d["id"])] = d["caption"]["text"]
        else:
            if "text" not in r or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", r["published_at"]):
                bad.append(i + 1)
                continue
            texts[(name, r["id"])] = r["text"]
    if sorted(bad) != sorted(broken[name]):
        fail(f"{name}: bad {bad} != expected {sorted(broken[name])}")
    print(f"{name}: {n} lines, {len(bad)} rejected, {nocap} caption null")

# forum CSV
name = "forum_posts.csv"
s = open(os.path.join(D, name), encoding="utf-8", newline="").read()
rd = csv.reader(io.StringIO(s, newline=""))
hdr = next(rd)
bad, n = [], 0
while True:
    line = rd.line_num + 1
    try:
        row = next(rd)
    except StopIteration:
        break
    n += 1
    r = dict(zip(hdr, row))
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", r["created"]) or not r["body"]:
        bad.append(line)
        continue
    texts[(name, r["post_id"])] = r["body"]
if sorted(bad) != sorted(broken[name]):
    fail(f"{name}: bad {bad} != expected {sorted(broken[name])}")
print(f"{name}: {n} rows, {len(bad)} rejected, header {hdr}")

# ground truth summaries
print(f"\nground_truth: {len(gt)} records")
by = lambda k: collections.Counter(r[k] for r in gt)  # noqa: E731
print("per file:", dict(by("file")))
print("variant:", {k: f"{v} ({100*v/len(gt):.1f}%)" for k, v in by("variant").most_common()})
print("author_type:", dict(by("author_type")))
print("dup_kind:", {k: f"{v} ({100*v/len(gt):.1f}%)" for k, v in by("dup_kind").items()})
print("sentiment:", dict(by("sentiment")))
print("per month:", dict(sorted(collections.Counter(r["published_at"][:7] for r in gt).items())))
print("region:", dict(by("region_iso").most_common()))
st = collections.defaultdict(lambda: [0, 0])
for r in gt:
    if r["stigmatising"] != "":
        q = r["published_at"][:4] + ("H1" if r["published_at"][5:7] <= "06" else "H2")
        st[q][0] += int(r["stigmatising"])
        st[q][1] += 1
print("stigmatising share:", {k: f"{a}/{b}={a/b:.2f}" for k, (a, b) in sorted(st.items())})
print("child_sex:", dict(by("child_sex")))

# duplicates: exact dups must have identical text (when both readable); near dups must differ
mism = 0
for r in gt:
    if r["dup_kind"] == "exact":
        a, b = texts.get((r["file"], r["record_id"])), texts.get((r["dup_of_file"], r["dup_of_record"]))
        if a is not None and b is not None and a != b and r["file"] != "forum_posts.csv":
            mism += 1
            print("  differs:", r["file"], r["record_id"], "<-", r["dup_of_file"], r["dup_of_record"], repr(a[:150]), repr(b[:150]))
print("exact dups with differing text:", mism)
if mism:
    fail("exact duplicates differ")
# variety
sents = collections.Counter()
for t in texts.values():
    for s in re.split(r"(?<=[.!?])\s+|\n+", t):
        if len(s) > 25:
            sents[s.strip()] += 1
print(f"distinct sentences (>25 chars): {len(sents)}; distinct texts: {len(set(texts.values()))} of {len(texts)}")
print("OK" if ok else "PROBLEMS FOUND")
sys.exit(0 if ok else 1)
