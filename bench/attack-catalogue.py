#!/usr/bin/env python3
"""Writes the servers file of bench/attack.sh: the shared corpus as recorded `file` servers (one JSON Lines file per
corpus server) plus `big`, a server at the crawler's limit of 10,000 tools (corpus tools cycled, names made unique).

Usage: bench/attack-catalogue.py CORPUS_JSONL OUT_DIR   (writes OUT_DIR/servers.json and OUT_DIR/recorded/*.jsonl)
"""
import json
import os
import re
import sys

corpus, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(out, "recorded"), exist_ok=True)
servers = {}
tools = []
with open(corpus, encoding="utf-8") as lines:
    for line in lines:
        entry = json.loads(line)
        tool = {"name": entry["tool"]}
        for key in ("title", "description", "inputSchema", "annotations"):
            if key in entry:
                tool[key] = entry[key]
        key = re.sub(r"[^a-z0-9._-]+", "-", entry["server"].lower()).strip("-._") or "server"
        servers.setdefault(key, {})[tool["name"]] = tool  # one tool per name and server
        tools.append(tool)

entries = []
for key, by_name in sorted(servers.items()):
    with open(os.path.join(out, "recorded", key + ".jsonl"), "w", encoding="utf-8") as f:
        for tool in by_name.values():
            f.write(json.dumps(tool) + "\n")
    entries.append({"id": key, "file": "recorded/%s.jsonl" % key})

with open(os.path.join(out, "recorded", "big.jsonl"), "w", encoding="utf-8") as f:
    for i in range(10_000):
        tool = dict(tools[i % len(tools)])
        tool["name"] = "%s_%d" % (tool["name"], i)
        f.write(json.dumps(tool) + "\n")
entries.append({"id": "big", "file": "recorded/big.jsonl"})

with open(os.path.join(out, "servers.json"), "w", encoding="utf-8") as f:
    json.dump({"servers": entries}, f, indent=1)
print("%d servers, %d corpus tools, plus big (10,000 tools)" % (len(entries) - 1, sum(len(s) for s in servers.values())))
