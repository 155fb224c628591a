// Test harness: spawns the emulator exactly as its users do (node test/emulator/cli.mjs), then points this
// process's real Azure SDK clients at it (proxy env read at client construction; CA via tls.setDefaultCACertificates).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tls from 'node:tls';
import { ClientAssertionCredential } from '@azure/identity';
export const CLI = fileURLToPath(new URL('./cli.mjs', import.meta.url));
export const scenarioPath = (name) => fileURLToPath(new URL(`./scenarios/${name}`, import.meta.url));
export const contractsDir = fileURLToPath(new URL('../fixtures/contracts/', import.meta.url));
export async function spawnEmulator(scenario, args = []) {
    const proc = spawn(process.execPath, [CLI, '--scenario', scenario, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr?.on('data', (d) => { err += d.toString(); });
    const line = await new Promise((resolve, reject) => {
        proc.stdout?.on('data', (d) => {
            out += d.toString();
            const nl = out.indexOf('\n');
            if (nl >= 0)
                resolve(out.slice(0, nl));
        });
        proc.once('exit', (code) => reject(new Error(`emulator exited with ${String(code)}: ${err}`)));
    });
    const parsed = JSON.parse(line);
    return {
        ...parsed, proc, stdout: () => out, stderr: () => err,
        stop: () => new Promise((resolve) => {
            if (proc.exitCode !== null)
                return resolve();
            proc.once('exit', () => resolve());
            proc.kill('SIGTERM');
        }),
    };
}
const trusted = new Set();
/** Routes SDK clients created after this call through `emu` and trusts its CA. */
export function useEmulator(emu) {
    for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
        const v = emu.env[k];
        if (v !== undefined)
            process.env[k] = v;
    }
    const ca = emu.env['NODE_EXTRA_CA_CERTS'];
    if (ca && !trusted.has(ca)) {
        trusted.add(ca);
        tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(ca, 'utf8')]);
    }
}
/** What @actions/core getIDToken does: GET ${URL}&audience=... with the request bearer token. */
export async function githubIdToken(emu, audience = 'api://AzureADTokenExchange') {
    const res = await fetch(`${emu.env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? ''}&audience=${encodeURIComponent(audience)}`, {
        headers: { Authorization: `Bearer ${emu.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? ''}`, Accept: 'application/json' },
    });
    if (res.status !== 200)
        throw new Error(`OIDC ${res.status}`);
    return (await res.json()).value;
}
export function credential(emu, clientId = emu.inputs['client-id'] ?? '') {
    useEmulator(emu); // the credential's pipeline (and the client built right after it) reads the proxy now
    return new ClientAssertionCredential(emu.inputs['tenant-id'] ?? '', clientId, () => githubIdToken(emu));
}
export async function admin(emu, method, path, body) {
    const res = await fetch(`${emu.admin}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) };
}
export const armBase = (emu) => `https://management.azure.com/subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourceGroups/${emu.inputs['resource-group'] ?? ''}`;
export const wsPath = (emu) => `${armBase(emu)}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name'] ?? ''}`;
/** Shape comparison (keys and JSON types, not values). `optional` lists dotted paths the emulator may omit. */
export function shapeDiff(actual, expected, path = '$', optional = []) {
    const t = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    const ta = t(actual);
    const te = t(expected);
    if (te === 'null' || ta === 'null')
        return []; // nullable on either side
    if (ta !== te)
        return [`${path}: expected ${te}, got ${ta}`];
    if (te === 'array') {
        const ea = expected;
        const aa = actual;
        if (ea.length === 0 || aa.length === 0)
            return [];
        return shapeDiff(aa[0], ea[0], `${path}[0]`, optional);
    }
    if (te !== 'object')
        return [];
    const eo = expected;
    const ao = actual;
    const diffs = [];
    // Swagger examples write dictionaries as {"string": <value>}: compare every actual entry with that value.
    if (Object.keys(eo).length === 1 && 'string' in eo) {
        for (const [k, v] of Object.entries(ao))
            diffs.push(...shapeDiff(v, eo['string'], `${path}.${k}`, optional));
        return diffs;
    }
    for (const k of Object.keys(eo)) {
        const p = `${path}.${k}`;
        if (!(k in ao)) {
            if (!optional.some((o) => p === o || p.startsWith(`${o}.`)))
                diffs.push(`${p}: missing`);
            continue;
        }
        diffs.push(...shapeDiff(ao[k], eo[k], p, optional));
    }
    return diffs;
}
