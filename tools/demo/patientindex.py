#!/usr/bin/env python3
"""Which demo files make up one person's record: patients-index.json.

    python3 tools/demo/patientindex.py DIR      # (re)writes DIR/patients-index.json for DIR/patients/*.json

`kakehashi --demo --patient ID --summary` reads only the files of ID's group instead of assembling every
demo patient (LocalRecordSource::loadDemo). That is safe only if the group holds every file whose content
the assembler could join to that person, so files are grouped conservatively (union-find), joined when
they share any of:
  - a Patient: "Patient/<id>" defined or referred to (subject, patient, Patient.link, ... in any form:
    bare id, relative, absolute URL: the last two path segments);
  - a patient identifier (system|value) on a Patient, or a logical identifier a resource names its
    subject/patient/beneficiary by;
  - a reference one file makes that it does not resolve itself and another file defines (Type/id or a
    fullUrl);
  - a resource (Type/id) both define with different content (which copy the assembler keeps would matter).
The viewer checks the index against the files (every file listed, with its size, and no other) and
reads everything when it does not match; tst_localrecordsource checks, for every demo patient, that the
group alone gives the same record as all files together.
"""

import json
import os
import sys

INDEX_NAME = "patients-index.json"
FORMAT = 1


def _resources(node):
    """Every resource in a Bundle, nested Bundles (documents) included, with its fullUrl."""
    if not isinstance(node, dict):
        return
    stack = [(None, node)]
    while stack:
        full_url, r = stack.pop()
        if not isinstance(r, dict):
            continue
        yield full_url, r
        if r.get("resourceType") == "Bundle":
            for e in r.get("entry") or []:
                if isinstance(e, dict):
                    stack.append((e.get("fullUrl"), e.get("resource")))


def _ref_key(ref):
    """Type/id from a reference in any form; the string itself for urn: and other opaque forms."""
    if not isinstance(ref, str) or not ref or ref.startswith("#"):
        return None
    if ref.startswith("urn:"):
        return ref
    parts = [p for p in ref.split("?")[0].split("/") if p]
    if "_history" in parts:
        parts = parts[:parts.index("_history")]
    if len(parts) >= 2:
        return parts[-2] + "/" + parts[-1]
    return "Patient/" + parts[0] if parts else None  # a bare id: only patient references are written so


def _walk_refs(node, out_refs, out_idents):
    if isinstance(node, dict):
        ref = node.get("reference")
        if isinstance(ref, str):
            out_refs.add(ref)
        ident = node.get("identifier")
        if isinstance(ident, dict) and "system" in ident and "value" in ident:
            out_idents.add("%s|%s" % (ident.get("system"), ident.get("value")))
        for v in node.values():
            _walk_refs(v, out_refs, out_idents)
    elif isinstance(node, list):
        for v in node:
            _walk_refs(v, out_refs, out_idents)


def file_keys(bundle):
    """(person keys, defined Type/id -> canonical content, defined fullUrls, references made)."""
    persons = set()
    defs = {}
    urls = set()
    refs = set()
    for full_url, r in _resources(bundle):
        rtype = r.get("resourceType")
        if full_url:
            urls.add(full_url)
        if rtype == "Bundle":
            continue
        if isinstance(r.get("id"), str):
            key = "%s/%s" % (rtype, r["id"])
            defs[key] = json.dumps(r, sort_keys=True, ensure_ascii=False)
        if rtype == "Patient":
            if isinstance(r.get("id"), str):
                persons.add("Patient/" + r["id"])
            for i in r.get("identifier") or []:
                if isinstance(i, dict) and i.get("value"):
                    persons.add("identifier:%s|%s" % (i.get("system"), i.get("value")))
            for link in r.get("link") or []:
                other = _ref_key((link.get("other") or {}).get("reference")) if isinstance(link, dict) else None
                if other:
                    persons.add(other)
        for field in ("subject", "patient", "beneficiary"):
            v = r.get(field)
            if isinstance(v, dict):
                k = _ref_key(v.get("reference"))
                if k and k.startswith("Patient/"):
                    persons.add(k)
                i = v.get("identifier")
                if isinstance(i, dict) and i.get("value"):
                    persons.add("identifier:%s|%s" % (i.get("system"), i.get("value")))
        found_refs = set()
        _walk_refs({k: v for k, v in r.items() if k not in ("entry",)}, found_refs, set())
        refs |= found_refs
    for ref in list(refs):
        k = _ref_key(ref)
        if k and k.startswith("Patient/"):
            persons.add(k)
    return persons, defs, urls, refs


def build_index(root, bundles=None):
    """bundles: rel path -> the Bundle already in memory (the generator's), else each file is read."""
    pdir = os.path.join(root, "patients")
    rels = sorted("patients/" + f for f in os.listdir(pdir) if f.endswith(".json"))
    keys = {}
    for rel in rels:
        if bundles is not None and rel in bundles:
            keys[rel] = file_keys(bundles[rel])
        else:
            with open(os.path.join(root, rel), "rb") as f:
                keys[rel] = file_keys(json.load(f))

    parent = {rel: rel for rel in rels}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_person = {}
    by_def = {}
    by_url = {}
    for rel in rels:
        persons, defs, urls, _ = keys[rel]
        for p in persons:
            by_person.setdefault(p, []).append(rel)
        for d, content in defs.items():
            by_def.setdefault(d, []).append((rel, content))
        for u in urls:
            by_url.setdefault(u, []).append(rel)
    for holders in by_person.values():
        for other in holders[1:]:
            join(holders[0], other)
    for holders in by_def.values():
        if len({content for _, content in holders}) > 1:
            for other, _ in holders[1:]:
                join(holders[0][0], other)
    for rel in rels:
        _, defs, urls, refs = keys[rel]
        for ref in refs:
            if ref in urls:
                continue
            k = _ref_key(ref)
            if k is None or k in defs:
                continue
            for other, _ in by_def.get(k, []):
                join(rel, other)
            for other in by_url.get(ref, []):
                join(rel, other)

    groups = {}
    for rel in rels:
        groups.setdefault(find(rel), []).append(rel)
    out_groups = []
    for members in sorted(groups.values()):
        patients = sorted({p[len("Patient/"):] for rel in members for p in keys[rel][0]
                           if p.startswith("Patient/") and p in keys[rel][1]})
        out_groups.append({"patients": patients, "files": members})
    return {
        "format": FORMAT,
        "generator": "tools/demo/patientindex.py",
        "files": {rel: os.path.getsize(os.path.join(root, rel)) for rel in rels},
        "groups": out_groups,
    }


def write_index(root, bundles=None):
    index = build_index(root, bundles)
    with open(os.path.join(root, INDEX_NAME), "wb") as f:
        f.write((json.dumps(index, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8"))
    return index


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    idx = write_index(sys.argv[1])
    print("%d files in %d groups" % (len(idx["files"]), len(idx["groups"])))
