#!/usr/bin/env python3
"""A learned scorer for tool poisoning, tried outside the product (BENCHMARKS.md, "Tool poisoning").

Hashed word unigrams and bigrams and char 3-5-grams (words only with --words-only) of everything a model reads in a tool definition,
an L2 logistic regression fitted by L-BFGS (deterministic: fixed order, no randomness), evaluated held out by author:
  (a) train on first+fresh+fresh2+fresh3 (poisoned: positive; look-alikes: negative) + half of the corpus servers +
      policylayer (negative); test on fresh4 and the other half of the corpus servers;
  leave-one-set-out over the four older sets (train on three + corpus half, test on the fourth);
  (b) the same with fresh4 in training, tested on fresh5 (SEALED: counts only, nothing of its entries is printed).
The threshold is chosen on training data only: the lowest with <= 0.2 % (and 0.5 %) of the training corpus half flagged,
on out-of-fold scores. The defaults (word + char n-grams, lambda 1e-3) were chosen by the leave-one-set-out recall at
0.2 % over the four older sets (words only: lambda 1e-4 / 1e-3 / 1e-2 gave 314 / 340 / 318 of 987; word + char at 1e-3:
415), never by fresh4 or fresh5.

Usage: python3 bench/poisoning-learned.py [SHARED_DIR] [--words-only] [--lam X] [--no-sealed]
"""
import hashlib
import json
import math
import os
import re
import sys
import zlib

import numpy as np
import scipy.optimize
import scipy.sparse

HERE = os.path.dirname(os.path.abspath(__file__))
SETS_DIR = os.path.join(HERE, "..", "classifier", "src", "test", "resources", "io", "toolrisk", "classifier", "poisoning")
OLDER = ["first", "fresh", "fresh2", "fresh3"]
CLASSES = ["commands", "deprecation", "exfiltration", "manipulation", "override", "secrecy", "shadowing", "tampering"]
RATES = ["<= 0.2 % of the training corpus half flagged (out-of-fold scores)",
         "<= 0.5 % of the training corpus half flagged (out-of-fold scores)",
         "<= 0.2 % of the training corpus half flagged (in-sample scores, as first planned)",
         "held-out corpus half at the rules' rate, <= 0.06 % (chosen on the held-out corpus: an upper bound)"]
BITS = 18
DIM = 1 << BITS
RULES = {  # ruleset 2026.12.7 (BENCHMARKS.md, Round 5): recall per class of 30, look-alikes flagged of 160
    "fresh4": ({"commands": 24, "deprecation": 20, "exfiltration": 17, "manipulation": 22, "override": 18,
                "secrecy": 16, "shadowing": 15, "tampering": 15}, 6),
    "fresh5": ({"commands": 25, "deprecation": 17, "exfiltration": 20, "manipulation": 14, "override": 17,
                "secrecy": 3, "shadowing": 16, "tampering": 17}, 4),
}


# ---------------------------------------------------------------- text of a tool

def split_name(name):
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(name))
    return re.sub(r"[_\-.]+", " ", name)


def schema_text(node, out, depth=0):
    """Property names (split), descriptions, titles, enum and default values, nested and in array items."""
    if depth > 20:
        return
    if isinstance(node, dict):
        for key in ("description", "title"):
            if isinstance(node.get(key), str):
                out.append(node[key])
        for key in ("enum", "default", "examples", "const"):
            if key in node:
                value = node[key]
                values = value if isinstance(value, list) else [value]
                for v in values:
                    out.append(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
        props = node.get("properties")
        if isinstance(props, dict):
            for pname, pnode in props.items():
                out.append(split_name(pname))
                schema_text(pnode, out, depth + 1)
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), (dict, list)):
                schema_text(node[key], out, depth + 1)
        for key in ("anyOf", "oneOf", "allOf"):
            if isinstance(node.get(key), list):
                for sub in node[key]:
                    schema_text(sub, out, depth + 1)
        defs = node.get("$defs") or node.get("definitions")
        if isinstance(defs, dict):
            for sub in defs.values():
                schema_text(sub, out, depth + 1)
    elif isinstance(node, list):
        for sub in node:
            schema_text(sub, out, depth + 1)


def tool_text(name, title, description, schema):
    out = [split_name(name or "")]
    for part in (title, description):
        if isinstance(part, str):
            out.append(part)
    if schema is not None:
        schema_text(schema, out)
    return "\n".join(out).lower()


# ---------------------------------------------------------------- features

WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


def bucket(s):
    """Word n-grams in the first 2^BITS columns, char n-grams ('#…') in the next 2^BITS: they never collide."""
    return (zlib.crc32(s.encode("utf-8")) & (DIM - 1)) + (DIM if s.startswith("#") else 0)


def grams(text, char):
    words = [w for w in WORD.findall(text) if w.isalnum()]
    out = set(words)
    out.update(a + " " + b for a, b in zip(words, words[1:]))
    if char:
        squashed = " " + " ".join(words) + " "
        for n in (3, 4, 5):
            out.update("#" + squashed[i:i + n] for i in range(len(squashed) - n + 1))
    return out


def matrix(texts, char, names=None):
    """Binary hashed features; names, if given, gets bucket -> {n-gram: documents} (for the top features)."""
    rows, cols = [], []
    for r, text in enumerate(texts):
        idx = {}
        for g in grams(text, char):
            idx.setdefault(bucket(g), []).append(g)
        for c in sorted(idx):
            rows.append(r)
            cols.append(c)
            if names is not None:
                seen = names.setdefault(c, {})
                for g in idx[c]:
                    seen[g] = seen.get(g, 0) + 1
    data = np.ones(len(rows), dtype=np.float64)
    return scipy.sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), 2 * DIM))


# ---------------------------------------------------------------- data

def load_set(name, kind):
    fname = ("" if name == "first" else name + "-") + kind + ".jsonl"
    entries = []
    with open(os.path.join(SETS_DIR, fname), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                t = d["tool"]
                entries.append({"class": d["class"].removeprefix("lk-"),
                                "text": tool_text(t.get("name"), t.get("title"), t.get("description"),
                                                  t.get("inputSchema"))})
    return entries


def load_corpus(shared):
    half_a, half_b = [], []
    with open(os.path.join(shared, "corpus", "corpus-tools.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            e = {"label": f"{d['server']} / {d['tool']}", "fold": hashlib.sha256(d["server"].encode("utf-8")).digest()[1] % 2,
                 "text": tool_text(d.get("tool"), d.get("title"), d.get("description"), d.get("inputSchema"))}
            h = hashlib.sha256(d["server"].encode("utf-8")).digest()[0]
            (half_a if h % 2 == 0 else half_b).append(e)
    policy = []
    with open(os.path.join(shared, "corpus", "policylayer-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            policy.append({"label": f"{d['server']} / {d['tool']}",
                           "text": tool_text(d.get("tool"), None, d.get("description"), d.get("inputSchema"))})
    return half_a, half_b, policy


# ---------------------------------------------------------------- model

def fit(X, y, lam):
    """L2 logistic regression; positives and negatives weigh the same in total; intercept not penalised."""
    w = np.where(y == 1, 0.5 / max(1, (y == 1).sum()), 0.5 / max(1, (y == 0).sum()))
    Xt = X.T.tocsr()

    def f(theta):
        beta, b = theta[:-1], theta[-1]
        z = X @ beta + b
        s = np.where(y == 1, -z, z)  # loss = log(1 + exp(s))
        loss = np.sum(w * np.logaddexp(0, s)) + 0.5 * lam * beta @ beta
        p = 1.0 / (1.0 + np.exp(-z))
        g = w * (p - y)
        grad = np.empty_like(theta)
        grad[:-1] = Xt @ g + lam * beta
        grad[-1] = g.sum()
        return loss, grad

    theta0 = np.zeros(X.shape[1] + 1)
    res = scipy.optimize.minimize(f, theta0, jac=True, method="L-BFGS-B",
                                  options={"maxiter": 2000, "gtol": 1e-9, "ftol": 1e-12})
    return res.x[:-1], res.x[-1]


def threshold_at(scores, rate):
    """Lowest threshold t with at most rate * n of these scores > t."""
    k = int(math.floor(rate * len(scores)))
    s = np.sort(scores)[::-1]
    return s[k] if k < len(s) else -np.inf


class Run:
    def __init__(self, train_sets, shared_data, char, lam):
        half_a, half_b, policy = shared_data
        pos, neg = [], []
        for name in train_sets:
            pos += load_set(name, "poisoned")
            neg += load_set(name, "benign")
        neg_all = neg + half_a + policy
        texts = [e["text"] for e in pos] + [e["text"] for e in neg_all]
        y = np.array([1.0] * len(pos) + [0.0] * len(neg_all))
        self.names = {}
        X = matrix(texts, char, self.names)
        self.char = char
        self.beta, self.b = fit(X, y, lam)
        # In-sample scores of the training corpus half are optimistic (the model has fitted them), so the threshold
        # is set on out-of-fold scores: the half split in two by server, each fold scored by a model fitted without it
        # (still training data only). The in-sample threshold is kept to show how far off it is.
        first = len(pos) + len(neg)
        oof = np.empty(len(half_a))
        for fold in (0, 1):
            keep = np.array([True] * first + [e["fold"] != fold for e in half_a] + [True] * len(policy))
            beta, b = fit(X[keep], y[keep], lam)
            rows = np.array([i for i, e in enumerate(half_a) if e["fold"] == fold])
            oof[rows] = X[first + rows] @ beta + b
        in_sample = X[first:first + len(half_a)] @ self.beta + self.b
        self.thresholds = {RATES[0]: threshold_at(oof, 0.002), RATES[1]: threshold_at(oof, 0.005),
                           RATES[2]: threshold_at(in_sample, 0.002)}
        self.train_counts = {RATES[0]: int((oof > self.thresholds[RATES[0]]).sum()),
                             RATES[1]: int((oof > self.thresholds[RATES[1]]).sum()),
                             RATES[2]: int((in_sample > self.thresholds[RATES[2]]).sum())}
        self.half_a_n = len(half_a)
        self.half_b = half_b
        self.half_b_scores = self.score([e["text"] for e in half_b])
        # Not a choice from training data: the threshold that gives the held-out half the rules' corpus rate (0.06 %),
        # to compare recall at the same false-flag rate (an upper bound for the learned scorer).
        self.thresholds[RATES[3]] = threshold_at(self.half_b_scores, 0.0006)
        self.train_counts[RATES[3]] = None
        self.sizes = (len(pos), len(neg), len(half_a), len(policy))

    def score(self, texts):
        return matrix(texts, self.char) @ self.beta + self.b

    def test(self, name):
        pos, neg = load_set(name, "poisoned"), load_set(name, "benign")
        ps = self.score([e["text"] for e in pos])
        ns = self.score([e["text"] for e in neg])
        out = {}
        for r, t in self.thresholds.items():
            per = {c: 0 for c in CLASSES}
            of = {c: 0 for c in CLASSES}
            for e, s in zip(pos, ps):
                of[e["class"]] += 1
                per[e["class"]] += int(s > t)
            out[r] = {"recall": int((ps > t).sum()), "n": len(pos), "per": per, "of": of,
                      "lk": int((ns > t).sum()), "lk_n": len(neg),
                      "corpus": int((self.half_b_scores > t).sum()), "corpus_n": len(self.half_b)}
        return out

    def flagged_corpus(self, rate):
        t = self.thresholds[rate]
        hits = [(s, e["label"]) for e, s in zip(self.half_b, self.half_b_scores) if s > t]
        return sorted(hits, key=lambda h: (-h[0], h[1]))

    def top_features(self, n=10, chars=False):
        block = self.beta[DIM:] if chars else self.beta[:DIM]
        base = DIM if chars else 0
        order = np.argsort(block, kind="stable") + base
        def name(i):  # the n-grams of the bucket by training documents, most first (a hash may join several)
            names = sorted(self.names.get(int(i), {}).items(), key=lambda kv: (-kv[1], kv[0]))
            return " | ".join(f"{g}" for g, _ in names[:2]) + (" | …" if len(names) > 2 else "")
        pos = [(name(i), self.beta[i]) for i in order[::-1][:n]]
        neg = [(name(i), self.beta[i]) for i in order[:n]]
        return pos, neg


# ---------------------------------------------------------------- report

def pct(a, b):
    return f"{100.0 * a / b:.2f} %" if b else "-"


def row(label, res, rules_note):
    per = " ".join(f"{c[:4]} {res['per'][c]}" for c in CLASSES)
    return (f"| {label} | {res['recall']}/{res['n']} ({pct(res['recall'], res['n'])}) | {per} | "
            f"{res['lk']}/{res['lk_n']} | {res['corpus']}/{res['corpus_n']} ({pct(res['corpus'], res['corpus_n'])}) | "
            f"{rules_note} |")


def rules_note(name):
    if name not in RULES:
        return "rules tuned on it: no fair comparison"
    per, lk = RULES[name]
    total = sum(per.values())
    return f"{total}/240 ({pct(total, 240)}): " + " ".join(f"{c[:4]} {per[c]}" for c in CLASSES) + f"; {lk} look-alikes"


def main(argv):
    args, lam, char, sealed, i = [], 1e-3, True, True, 0
    while i < len(argv):
        if argv[i] == "--lam":
            lam = float(argv[i + 1])
            i += 1
        elif argv[i] == "--words-only":
            char = False
        elif argv[i] == "--no-sealed":
            sealed = False
        elif argv[i].startswith("--"):
            sys.exit(f"unknown option {argv[i]}; usage: poisoning-learned.py [SHARED_DIR] [--words-only] [--lam X] [--no-sealed]")
        else:
            args.append(argv[i])
        i += 1
    shared = args[0] if args else os.path.join(HERE, "..", "..", "shared")
    data = load_corpus(shared)
    print(f"features: word 1-2-grams{' + char 3-5-grams' if char else ''}, binary, hashed 2^{BITS}; "
          f"L2 logistic regression, lambda {lam:g}, L-BFGS; corpus halves by server "
          f"(sha256 first byte even / odd): {len(data[0])} / {len(data[1])} tools; policylayer {len(data[2])}")
    header = ("| held-out set | recall | per class (of 30; first set: of its own) | look-alikes flagged | "
              "held-out corpus half flagged | rules (2026.12.7) on the same set |\n|---|---|---|---|---|---|")
    results = []
    run_a = Run(OLDER, data, char, lam)
    results.append(("a", "fresh4", run_a, run_a.test("fresh4")))
    for held in OLDER:
        run = Run([s for s in OLDER if s != held], data, char, lam)
        results.append(("loso", held, run, run.test(held)))
    run_b = None
    if sealed:
        run_b = Run(OLDER + ["fresh4"], data, char, lam)
        results.append(("b", "fresh5 (SEALED, counts)", run_b, run_b.test("fresh5")))
    for rate in RATES:
        print(f"\n### threshold: {rate}\n")
        print(header)
        for kind, name, run, res in results:
            label = {"a": f"(a) {name}", "loso": f"leave-one-set-out: {name}", "b": f"(b) {name}"}[kind]
            base = name.split(" ")[0]
            print(row(label, res[rate], rules_note(base)))
        print()
        for kind, name, run, res in results:
            if kind in ("a", "b"):
                flags = "" if run.train_counts[rate] is None else f" flags {run.train_counts[rate]} of the training half"
                print(f"({kind}) trained on {run.sizes[0]} poisoned, {run.sizes[1]} look-alikes, {run.sizes[2]} "
                      f"corpus tools, {run.sizes[3]} policylayer; threshold {run.thresholds[rate]:.3f}{flags}")
    for kind, name, run, res in results:
        if kind not in ("a", "b"):
            continue
        print()
        for chars in ((False, True) if char else (False,)):
            pos, neg = run.top_features(chars=chars)
            what = "char n-grams" if chars else "word n-grams"
            print(f"({kind}) {what}, 10 highest weights: " + ", ".join(f"'{g}' {w:+.2f}" for g, w in pos))
            print(f"({kind}) {what}, 10 lowest weights:  " + ", ".join(f"'{g}' {w:+.2f}" for g, w in neg))
        for rate in RATES[:2]:
            hits = run.flagged_corpus(rate)
            print(f"({kind}) held-out corpus tools flagged, threshold {rate} ({len(hits)}):")
            for s, label in hits:
                print(f"    {s:7.3f}  {label}")


if __name__ == "__main__":
    main(sys.argv[1:])
