#!/usr/bin/env python3
"""Regenerate test/fixtures/sdk-vectors/vectors.json from cases.yml with azure-ai-ml (the SDK behind
`az ml`), so the TypeScript tests can pin the SDK's behaviour without Python.

For each case it writes the YAML (and any local files) to a temporary folder, loads it the way
`az ml online-endpoint|online-deployment create -f` does (load_online_*, with `set` overrides as
params_override), runs the name check the create command makes, and records:
  verdict      accepted | rejected
  error        the SDK's message (rejected), errorFields: the field paths it names
  body         the REST body the SDK serialises (accepted; assets are not resolved offline)
  environment  {name, version} of an inline environment (the anonymous version is computed at load)

Run (Debian: apt-get install python3-azure; pydash from github.com/dgilland/pydash on PYTHONPATH):
  PYTHONPATH=<pydash>/src /usr/bin/python3 scripts/sdk-vectors.py
"""
import json
import os
import re
import sys
import tempfile
import warnings
import logging

import yaml

logging.disable(logging.CRITICAL)
warnings.filterwarnings("ignore")

from azure.ai.ml import load_online_deployment, load_online_endpoint  # noqa: E402
from azure.ai.ml._version import VERSION  # noqa: E402
from azure.ai.ml.entities._endpoint._endpoint_helpers import validate_endpoint_or_deployment_name  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "test", "fixtures", "sdk-vectors")


def error_fields(text):
    """Field paths named in a marshmallow error dump ({"a": {"b": [...]}} → a.b)."""
    start = text.find("{")
    end = text.rfind("}")
    if start < 0 or end < 0:
        return []
    try:
        tree = json.loads(text[start : end + 1])
    except ValueError:
        return []
    out = []

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + [k] if k != "_schema" else path)
        elif isinstance(node, list):
            if all(isinstance(x, str) for x in node):
                out.append(".".join(path))
            else:
                for x in node:
                    walk(x, path)

    walk(tree, [])
    return sorted(set(p for p in out))


def short_error(text):
    text = re.sub(r"\n\s*Visit this link.*", "", text, flags=re.S)
    return re.sub(r"\s+", " ", text).strip()[:600]


def run_case(case):
    kind = case["kind"]
    with tempfile.TemporaryDirectory() as tmp:
        for rel, content in (case.get("files") or {}).items():
            p = os.path.join(tmp, rel)
            if rel.endswith("/"):
                os.makedirs(p, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as f:
                f.write(content)
        path = os.path.join(tmp, "endpoint.yml" if kind == "endpoint" else "deployment.yml")
        with open(path, "w") as f:
            f.write(case["yaml"])
        overrides = []
        for line in (case.get("set") or "").splitlines():
            if line.strip():
                k, v = line.split("=", 1)
                overrides.append({k.strip(): v})
        out = {"verdict": "accepted"}
        try:
            if kind == "endpoint":
                entity = load_online_endpoint(path, params_override=overrides)
                validate_endpoint_or_deployment_name(entity.name)
                body = entity._to_rest_online_endpoint(location="westus").serialize()
            else:
                entity = load_online_deployment(path, params_override=overrides)
                validate_endpoint_or_deployment_name(entity.name, is_deployment=True)
                body = entity._to_rest_object(location="westus").serialize()
                env = entity.environment
                if env is not None and not isinstance(env, str):
                    out["environment"] = {"name": env.name, "version": env.version}
            out["body"] = body
        except Exception as ex:  # the SDK raises several exception types; all mean "az ml rejects"
            text = str(ex)
            out = {"verdict": "rejected", "error": short_error(text), "errorFields": error_fields(text)}
        return out


def main():
    with open(os.path.join(FIXTURES, "cases.yml")) as f:
        doc_in = yaml.safe_load(f)
    cases = list(doc_in["cases"])
    by_id = {c["id"]: c for c in cases}
    for m in doc_in.get("mutations") or []:
        base = by_id[m["base"]]
        text = base["yaml"]
        if "replace" in m:
            old, new = m["replace"]
            if old not in text:
                sys.exit(f"{m['id']}: {old!r} not in {m['base']}")
            text = text.replace(old, new, 1)
        else:
            text = text + m["append"]
        case = {k: v for k, v in base.items() if k not in ("id", "note", "createFails", "predates")}
        case.update({k: v for k, v in m.items() if k not in ("replace", "append")})
        case["yaml"] = text
        cases.append(case)
    ids = [c["id"] for c in cases]
    dupes = sorted(set(i for i in ids if ids.count(i) > 1))
    if dupes:
        sys.exit(f"duplicate case ids: {dupes}")
    vectors = []
    for case in cases:
        v = {"id": case["id"], "kind": case["kind"], "yaml": case["yaml"]}
        for k in ("base", "files", "set", "note", "createFails", "predates"):
            if case.get(k):
                v[k] = case[k]
        v.update(run_case(case))
        vectors.append(v)
    doc = {"generator": "scripts/sdk-vectors.py", "azureAiMl": VERSION, "vectors": vectors}
    with open(os.path.join(FIXTURES, "vectors.json"), "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False, default=str)
        f.write("\n")
    print(f"{len(vectors)} vectors ({sum(v['verdict'] == 'rejected' for v in vectors)} rejected) from azure-ai-ml {VERSION}")


if __name__ == "__main__":
    main()
