#!/usr/bin/env python3
"""Writes N recorded MCP servers of M tools each, made of the shared corpus's real tool definitions with varied
names, plus a servers.json listing them: the input of bench/refresh.sh. With --change P, rewrites P percent of the
servers (one description each) so that a second refresh has something to find."""
import json, os, random, sys, argparse

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--servers", type=int, default=10000)
p.add_argument("--tools", type=int, default=100)
p.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
p.add_argument("--change", type=float, default=0.0, help="percent of servers to change in an existing set")
a = p.parse_args()

corpus = [json.loads(l) for l in open(os.path.join(a.shared, "corpus", "corpus-tools.jsonl"))]
os.makedirs(a.out, exist_ok=True)

def tools_of(s, generation):
    rng = random.Random(s)
    out = []
    for t in range(a.tools):
        r = corpus[(s * a.tools + t) % len(corpus)]
        tool = {"name": "%s_%d" % (r["tool"], t), "description": (r.get("description") or "") + generation}
        if isinstance(r.get("inputSchema"), dict):
            tool["inputSchema"] = r["inputSchema"]
        if isinstance(r.get("annotations"), dict):
            tool["annotations"] = r["annotations"]
        out.append(tool)
    return out

if a.change:
    count = int(a.servers * a.change / 100)
    for s in random.Random(42).sample(range(a.servers), count):
        tools = tools_of(s, "")
        tools[0]["description"] += " This cannot be undone."
        json.dump({"tools": tools}, open(os.path.join(a.out, "s%05d.json" % s), "w"))
    print("changed %d servers" % count)
    sys.exit(0)

entries = []
for s in range(a.servers):
    json.dump({"tools": tools_of(s, "")}, open(os.path.join(a.out, "s%05d.json" % s), "w"))
    entries.append({"id": "s%05d" % s, "file": "s%05d.json" % s})
json.dump({"servers": entries}, open(os.path.join(a.out, "servers.json"), "w"))
print("wrote %d servers x %d tools into %s" % (a.servers, a.tools, a.out))
