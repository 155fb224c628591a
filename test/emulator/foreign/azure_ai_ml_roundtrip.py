#!/usr/bin/env python3
"""Drives the emulator with azure-ai-ml (the Python SDK behind `az ml`) the way `az ml` does, and records every
request it sends: test/fixtures/foreign/azure-ai-ml-1.4.0.json. The Node tests replay that fixture, so neither the
tests nor CI need Python.

Run (Debian: apt-get install python3-azure; pydash is not packaged, put its src/ on PYTHONPATH):
    PATH=<node 24>:$PATH PYTHONPATH=/path/to/pydash/src /usr/bin/python3 test/emulator/foreign/azure_ai_ml_roundtrip.py

It starts `node test/emulator/cli.mjs --scenario test/emulator/scenarios/demo.yml`, points the SDK at it with
HTTPS_PROXY and REQUESTS_CA_BUNDLE (the emulator's CA; only emulator hosts are contacted), signs in with a
federated GitHub ID token, then: reads a model and an environment, creates an endpoint, creates a deployment
without scale settings, reads it back (the GET that crashed 1.4.0 before the emulator filled scaleSettings),
updates traffic, invokes and deletes the endpoint.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'foreign', 'azure-ai-ml-1.4.0.json')


def start_emulator():
    proc = subprocess.Popen(['node', os.path.join(ROOT, 'test', 'emulator', 'cli.mjs'), '--scenario', os.path.join(ROOT, 'test', 'emulator', 'scenarios', 'demo.yml')],
                            stdout=subprocess.PIPE, text=True)
    return proc, json.loads(proc.stdout.readline())


def main():
    proc, emu = start_emulator()
    try:
        for k, v in emu['env'].items():
            if k.lower().endswith('_proxy'):
                os.environ[k] = v
        os.environ['REQUESTS_CA_BUNDLE'] = emu['env']['NODE_EXTRA_CA_CERTS']
        recorded = run(emu)
    finally:
        proc.terminate()
        proc.wait()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(recorded, f, indent=2, sort_keys=True)
        f.write('\n')
    print(f'wrote {OUT}: {len(recorded["requests"])} requests')


def run(emu):
    import requests
    from azure.identity import ClientAssertionCredential
    from azure.ai.ml import MLClient, __version__ as sdk_version
    from azure.ai.ml.entities import ManagedOnlineDeployment, ManagedOnlineEndpoint

    inputs = emu['inputs']
    sub, rg, ws = inputs['subscription-id'], inputs['resource-group'], inputs['workspace-name']
    log = []
    original_send = requests.Session.send

    def recording_send(session, request, **kwargs):
        response = original_send(session, request, **kwargs)
        host = re.sub(r'^https?://([^/]+).*$', r'\1', request.url)
        if host.startswith('management.'):
            path, _, query = request.url.split('://', 1)[1].partition('/')[2].partition('?')
            params = dict(p.split('=', 1) for p in query.split('&') if '=' in p)
            body = request.body.decode() if isinstance(request.body, bytes) else request.body
            log.append({
                'method': request.method, 'path': '/' + normalize(path, sub), 'apiVersion': params.get('api-version', ''), 'status': response.status_code,
                'body': json.loads(normalize(body, sub)) if body and request.method in ('PUT', 'PATCH') else None,
            })
        return response

    requests.Session.send = recording_send

    def id_token():
        with urllib.request.urlopen(f"{emu['admin']}/id-token?audience=api://AzureADTokenExchange") as r:  # loopback (NO_PROXY)
            return json.load(r)['value']

    cred = ClientAssertionCredential(inputs['tenant-id'], inputs['client-id'], id_token)
    ml = MLClient(cred, sub, rg, ws)
    parsed = {}
    parsed['model.flavors'] = ml.models.get('demo-model', '1').flavors
    parsed['environment.image'] = ml.environments.get('demo-env', '1').image
    ml.online_endpoints.begin_create_or_update(ManagedOnlineEndpoint(name='py-ep', auth_mode='key')).result()
    ml.online_deployments.begin_create_or_update(ManagedOnlineDeployment(
        name='blue', endpoint_name='py-ep', model='azureml:demo-model:1', environment='azureml:demo-env:1',
        instance_type='Standard_DS3_v2', instance_count=1)).result()
    dep = ml.online_deployments.get('blue', 'py-ep')
    parsed['deployment.scale_settings.type'] = dep.scale_settings.type
    parsed['deployment.request_settings.request_timeout_ms'] = dep.request_settings.request_timeout_ms
    parsed['deployment.liveness_probe.failure_threshold'] = dep.liveness_probe.failure_threshold
    ep = ml.online_endpoints.get('py-ep')
    ep.traffic = {'blue': 100}
    ml.online_endpoints.begin_create_or_update(ep).result()
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump({'data': [[1, 2, 3]]}, f)
    parsed['invoke'] = json.loads(ml.online_endpoints.invoke(endpoint_name='py-ep', request_file=f.name))
    os.unlink(f.name)
    parsed['endpoint.scoring_uri'] = ml.online_endpoints.get('py-ep').scoring_uri
    ml.online_endpoints.begin_delete(name='py-ep').result()
    return {'sdk': f'azure-ai-ml {sdk_version}', 'generator': 'test/emulator/foreign/azure_ai_ml_roundtrip.py', 'parsed': parsed, 'requests': log}


def normalize(path, sub):
    """Ids the scenario fixes stay; operation ids (random, also echoed in bodies) become {id}."""
    path = re.sub(r'(mfeOperation(?:sStatus|Results)/)[^/?"]+', r'\1{id}', path, flags=re.I)
    return path


if __name__ == '__main__':
    sys.exit(main())
