#!/usr/bin/env python3
"""Writes N lines of JSON Lines tool definitions (default 1,000,000, about 600 MB) built from the corpus:
every corpus tool in turn, in the DESIGN.md input shape, its name varied per copy so that no two lines are
equal. Usage: bench/make-million.py CORPUS_JSONL OUT_FILE [N]"""
import json
import sys

corpus, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
tools = []
for line in open(corpus, encoding="utf-8"):
    r = json.loads(line)
    t = {"name": r["tool"], "description": r["description"], "inputSchema": r["inputSchema"],
         "annotations": r["annotations"], "server": r["server"]}
    tools.append({k: v for k, v in t.items() if v is not None})
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        t = dict(tools[i % len(tools)])
        t["name"] = "%s_%d" % (t["name"], i // len(tools)) if i >= len(tools) else t["name"]
        f.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")))
        f.write("\n")
