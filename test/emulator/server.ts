// "Azure in a box": one loopback http.Server that is (a) an HTTP CONNECT proxy terminating TLS for the real
// Azure / GitHub host names with a per-run test CA (research/spike.md §2), (b) the GitHub OIDC token endpoint
// and (c) the admin API. Requests are routed on the Host header. Nothing ever leaves loopback.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { handleAdmin } from './admin.ts';
import type { LogEntry } from './admin.ts';
import { ARM_HOSTS, handleArm } from './arm.ts';
import { handleBlob } from './assets.ts';
import type { Ctx } from './context.ts';
import { LOGIN_HOSTS, handleEntra } from './entra.ts';
import { FaultBook, faultResponse } from './faults.ts';
import { handleGithub } from './github.ts';
import { json, parseTarget, readBody, sleep } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { newSigningKey } from './jwt.ts';
import { handleKeyVault, vaultHostInfo } from './keyvault.ts';
import { OIDC_REQUEST_PATH, handleGithubOidcHost, handleIdTokenRequest } from './oidc.ts';
import { seedEndpoints } from './online.ts';
import { loadScenario } from './scenario.ts';
import type { Scenario } from './scenario.ts';
import { handleScoring } from './scoring.ts';
import { isScoringHost, mlApiHost } from './clouds.ts';
import { handleRegistry } from './registries.ts';
import { World } from './state.ts';
import { createTestPki, defaultSans } from './tls.ts';

export interface EmulatorOptions {
  scenarioFile: string;
  /** Added to every proxied (TLS) request. */
  latencyMs?: number;
}

export interface RunningEmulator {
  env: Record<string, string>;
  inputs: Record<string, string>;
  admin: string;
  github: { token: string; repository: string };
  caCertPem: string;
  close(): Promise<void>;
}

type Service = (ctx: Ctx, req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

function serviceFor(host: string): Service | undefined {
  if (LOGIN_HOSTS.includes(host)) return handleEntra;
  if (ARM_HOSTS[host]) return handleArm;
  if (vaultHostInfo(host)) return handleKeyVault;
  if (/\.blob\.core\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$/.test(host)) return handleBlob;
  if (isScoringHost(host)) return handleScoring;
  if (mlApiHost(host)) return handleRegistry;
  if (host === 'api.github.com') return handleGithub;
  if (host === 'token.actions.githubusercontent.com' || host.endsWith('.actions.githubusercontent.com')) return handleGithubOidcHost;
  return undefined;
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const scenario: Scenario = loadScenario(opts.scenarioFile);
  const pki = createTestPki(defaultSans([scenario.workspace.location, scenario.location]));
  const githubKey = newSigningKey();
  const entraKey = newSigningKey();
  const faults = new FaultBook();
  const log: LogEntry[] = [];
  let adminBase = '';
  const makeCtx = (): Ctx => {
    const c: Ctx = { world: new World(scenario), githubKey, entraKey, adminBase };
    seedEndpoints(c);
    return c;
  };
  let ctx = makeCtx();
  const buildWorld = (): void => {
    ctx = makeCtx();
  };
  const adminDeps = { ctx: () => ctx, faults, log, reset: () => { buildWorld(); faults.faults = []; log.length = 0; } };

  /** Known hosts only: a CONNECT to an unknown vault / storage account fails like a DNS miss would. */
  const connectAllowed = (host: string): boolean => {
    const kv = vaultHostInfo(host);
    if (kv) return ctx.world.vaults.has(kv.vaultName);
    return serviceFor(host) !== undefined;
  };

  async function serve(msg: IncomingMessage, res: ServerResponse, host: string, viaProxy: boolean, url: string): Promise<void> {
    const started = Date.now();
    const body = await readBody(msg);
    const { path, query, rawQuery, rawPath } = parseTarget(url);
    const req: EmuRequest = { method: (msg.method ?? 'GET').toUpperCase(), host, path, query, rawQuery, rawPath, headers: msg.headers, body };
    let out: EmuResponse | undefined;
    let faultId: string | undefined;
    try {
      // The GitHub OIDC token endpoint is faultable like every Azure host (match it by path).
      if (viaProxy || path === OIDC_REQUEST_PATH) {
        if (viaProxy && opts.latencyMs) await sleep(opts.latencyMs);
        const fault = faults.take(req);
        if (fault) {
          faultId = fault.id;
          out = faultResponse(fault);
          if (!out && fault.latencyMs) await sleep(fault.latencyMs);
        }
        if (!out && !viaProxy) out = handleIdTokenRequest(ctx, req);
        if (!out) {
          const svc = serviceFor(host);
          out = svc ? await svc(ctx, req) : json(502, { error: { code: 'UnknownHost', message: `The emulator does not serve ${host}.` } });
        }
      } else {
        out = handleAdmin(adminDeps, req);
        if (!out && path === OIDC_REQUEST_PATH) out = handleIdTokenRequest(ctx, req);
        out ??= json(404, { error: 'not found' });
      }
    } catch (e) {
      // A bug in the emulator, not a service answer; the message carries no request data.
      process.stderr.write(`azure emulator: handler error for ${req.method} ${host}${path}: ${(e as Error).stack ?? String(e)}\n`);
      out = json(500, { error: { code: 'InternalServerError', message: 'Emulator handler error.' } });
    }
    if (out.delayMs) await sleep(out.delayMs);
    const entry: LogEntry = { method: req.method, host, path, status: out.reset ? 0 : out.status, time: new Date(started).toISOString(), durationMs: Date.now() - started };
    if (faultId) entry.fault = faultId;
    if (viaProxy || path === OIDC_REQUEST_PATH) log.push(entry); // admin calls are not logged
    if (out.reset) {
      msg.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...(out.headers ?? {}) };
    let payload: Buffer | string = '';
    if (out.raw !== undefined) payload = out.raw;
    else if (out.body !== undefined) {
      payload = JSON.stringify(out.body);
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
    }
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(out.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const hostOf = (msg: IncomingMessage): string => (msg.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const onError = (res: ServerResponse) => (e: unknown): void => {
    process.stderr.write(`azure emulator: ${(e as Error).message}\n`);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };

  const tlsServer = createHttpsServer({ key: pki.leafKeyPem, cert: pki.leafCertPem }, (msg, res) => {
    serve(msg, res, hostOf(msg), true, msg.url ?? '/').catch(onError(res));
  });
  // Plain http arriving through `CONNECT host:80` (e.g. an OIDC URL on a non-loopback host, spike §2 matrix).
  const plainTunnelServer = createServer((msg, res) => {
    serve(msg, res, hostOf(msg), true, msg.url ?? '/').catch(onError(res));
  });
  const sockets = new Set<Socket>();
  const front = createServer((msg, res) => {
    const url = msg.url ?? '/';
    if (/^https?:\/\//i.test(url)) {
      // Absolute-form request from an http proxy client: route by its host.
      const m = /^https?:\/\/([^/]+)(\/.*)?$/i.exec(url);
      serve(msg, res, (m?.[1] ?? '').replace(/:\d+$/, '').toLowerCase(), true, m?.[2] ?? '/').catch(onError(res));
      return;
    }
    serve(msg, res, hostOf(msg), false, url).catch(onError(res));
  });
  front.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  front.on('connect', (msg: IncomingMessage, socket: Socket, head: Buffer) => {
    const [host = '', port = '443'] = (msg.url ?? '').toLowerCase().split(':');
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!connectAllowed(host) && port === '443') {
      log.push({ method: 'CONNECT', host, path: '', status: 502, time: new Date().toISOString(), durationMs: 0 });
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    (port === '80' ? plainTunnelServer : tlsServer).emit('connection', socket);
  });
  tlsServer.on('tlsClientError', () => { /* clients that reject our CA close the socket; nothing to do */ });

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (front.address() as AddressInfo).port;
  adminBase = `http://127.0.0.1:${port}`;
  ctx.adminBase = adminBase;
  const proxy = adminBase;
  const s = scenario;
  const app = s.principals.find((p) => p.name === s.workflowPrincipal);
  return {
    env: {
      HTTPS_PROXY: proxy, https_proxy: proxy, HTTP_PROXY: proxy, http_proxy: proxy,
      NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost',
      NODE_EXTRA_CA_CERTS: pki.caCertPath,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${adminBase}${OIDC_REQUEST_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: s.github.requestToken,
    },
    inputs: {
      'subscription-id': s.subscriptionId, 'resource-group': s.workspace.resourceGroup, 'workspace-name': s.workspace.name,
      'tenant-id': s.tenantId, 'client-id': app?.clientId ?? '',
    },
    admin: adminBase,
    github: { token: s.github.apiToken, repository: s.github.repository },
    caCertPem: pki.caCertPem,
    close: async () => {
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((r) => front.close(() => r()));
      pki.cleanup();
    },
  };
}
