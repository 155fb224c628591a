#!/usr/bin/env python3
"""Foreign-client proof for Azure in a box: azure-ai-ml (the SDK behind `az ml`) creates, reads, updates, invokes and
deletes an online endpoint with a deployment built from a LOCAL model folder and a LOCAL code folder, through the
emulator's proxy, using only documented azure-ai-ml calls. The emulator is started here exactly as users start it.

Run (Debian's python3-azure = azure-ai-ml 1.4.0; pydash from github:dgilland/pydash, outside the repo):

    PATH=/path/to/node24/bin:$PATH PYTHONPATH=/path/to/pydash/src /usr/bin/python3 test/emulator/foreign/azure_ai_ml_local_assets.py [--log FILE]

Two upload paths are exercised: the default datastore with an account key (Shared Key blob requests), then an
identity-based default datastore (knob storage.datastoreCredentials: None) where the SDK uploads with its own Entra
token and needs Storage Blob Data Contributor. Exit status 0 = every step held; the last line is a JSON summary.
`--log test/fixtures/foreign/azure-ai-ml-1.4.0-local-assets.txt` regenerates the recording foreign-upload.test.ts replays.
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCENARIO = ROOT / "test/emulator/scenarios/demo.yml"


def start_emulator():
    proc = subprocess.Popen(["node", str(ROOT / "test/emulator/cli.mjs"), "--scenario", str(SCENARIO)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line:
        raise SystemExit("emulator did not start")
    return proc, json.loads(line)


def admin(base, method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(), headers={"content-type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never through the proxy
    with opener.open(req) as res:
        text = res.read().decode()
        return json.loads(text) if text else None


def main():
    proc, emu = start_emulator()
    steps = []
    try:
        os.environ.update({k: v for k, v in emu["env"].items() if "PROXY" in k.upper()})
        os.environ["REQUESTS_CA_BUNDLE"] = emu["env"]["NODE_EXTRA_CA_CERTS"]
        # Imported after the proxy variables are set (azure-core reads them per request, but be explicit).
        from azure.ai.ml import MLClient
        from azure.ai.ml.entities import CodeConfiguration, Environment, ManagedOnlineDeployment, ManagedOnlineEndpoint, Model
        from azure.core.exceptions import ResourceNotFoundError
        from azure.identity import ClientAssertionCredential

        inputs = emu["inputs"]
        credential = ClientAssertionCredential(
            inputs["tenant-id"], inputs["client-id"],
            lambda: admin(emu["admin"], "GET", "/id-token?audience=api://AzureADTokenExchange")["value"],
        )
        ml = MLClient(credential, inputs["subscription-id"], inputs["resource-group"], inputs["workspace-name"])

        work = Path(tempfile.mkdtemp(prefix="aml-foreign-"))
        (work / "model").mkdir()
        (work / "model/model.pkl").write_bytes(b"not really a pickle")
        (work / "code").mkdir()
        (work / "code/score.py").write_text("def init():\n    pass\n\n\ndef run(raw):\n    return raw\n")
        (work / "request.json").write_text(json.dumps({"data": [[1, 2, 3]]}))
        env = Environment(image="mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest")

        name = "foreign-ep"
        ep = ml.online_endpoints.begin_create_or_update(ManagedOnlineEndpoint(name=name, auth_mode="key", description="azure-ai-ml roundtrip")).result()
        steps.append(("create endpoint", ep.provisioning_state))
        assert ep.provisioning_state == "Succeeded", ep.provisioning_state

        def deployment(deployment_name, code_dir):
            return ManagedOnlineDeployment(
                name=deployment_name, endpoint_name=name, model=Model(path=str(work / "model")),
                code_configuration=CodeConfiguration(code=str(work / code_dir), scoring_script="score.py"),
                environment=env, instance_type="Standard_DS3_v2", instance_count=1,
            )

        created = ml.online_deployments.begin_create_or_update(deployment("blue", "code")).result()
        steps.append(("create deployment (account-key upload)", created.provisioning_state))
        assert created.provisioning_state == "Succeeded", created.provisioning_state

        got = ml.online_deployments.get(name="blue", endpoint_name=name)
        steps.append(("read deployment", got.instance_type))
        assert got.instance_type == "Standard_DS3_v2"
        got_ep = ml.online_endpoints.get(name)
        assert got_ep.scoring_uri == f"https://{name}.eastus.inference.ml.azure.com/score", got_ep.scoring_uri

        got_ep.traffic = {"blue": 100}
        updated = ml.online_endpoints.begin_create_or_update(got_ep).result()
        steps.append(("update endpoint traffic", updated.traffic))
        assert updated.traffic == {"blue": 100}, updated.traffic

        answer = ml.online_endpoints.invoke(endpoint_name=name, request_file=str(work / "request.json"))
        steps.append(("invoke", json.loads(answer).get("deployment")))
        assert json.loads(answer)["deployment"] == "blue", answer

        # Identity-based default datastore: the SDK uploads with its Entra token (Storage Blob Data Contributor needed).
        admin(emu["admin"], "PATCH", "/knobs", {"storage": {"datastoreCredentials": "None"}})
        admin(emu["admin"], "POST", "/role-assignments", {"principal": "deployer", "role": "Storage Blob Data Contributor", "scope": "storage"})
        (work / "code2").mkdir()
        (work / "code2/score.py").write_text("def init():\n    pass\n\n\ndef run(raw):\n    return [0]\n")
        green_done = ml.online_deployments.begin_create_or_update(deployment("green", "code2")).result()
        steps.append(("create deployment (Entra-token upload)", green_done.provisioning_state))
        assert green_done.provisioning_state == "Succeeded"
        answer = ml.online_endpoints.invoke(endpoint_name=name, request_file=str(work / "request.json"), deployment_name="green")
        assert json.loads(answer)["deployment"] == "green", answer

        state = admin(emu["admin"], "GET", "/state")
        uploads = sorted(b["path"].split("/", 2)[2] for b in state["blobs"])
        steps.append(("blobs uploaded", len(uploads)))
        assert any(p.endswith("/model.pkl") for p in uploads) and sum(p.endswith("/score.py") for p in uploads) == 2, uploads

        ml.online_endpoints.begin_delete(name=name).result()
        try:
            ml.online_endpoints.get(name)
            raise AssertionError("endpoint still exists after delete")
        except ResourceNotFoundError:
            steps.append(("delete endpoint", "gone"))

        requests = admin(emu["admin"], "GET", "/requests")
        if len(sys.argv) > 2 and sys.argv[1] == "--log":  # the wire sequence, for the TypeScript replay (foreign-upload.test.ts)
            Path(sys.argv[2]).write_text("".join(f"{r['method']} {r['host']} {r['path']} {r['status']}\n" for r in requests))
        summary = {"ok": True, "steps": steps, "requests": len(requests), "hosts": sorted({r["host"] for r in requests})}
        print(json.dumps(summary, default=str))
        return 0
    except Exception as e:  # noqa: BLE001 — print what failed, then the steps that held
        print(json.dumps({"ok": False, "steps": steps, "error": f"{type(e).__name__}: {e}"}, default=str))
        raise
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main())
