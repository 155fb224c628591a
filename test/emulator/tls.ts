// Test CA and one leaf certificate, generated at start with the openssl CLI into a temp dir.
// Nothing here is committed; the key pair lives only as long as the emulator's temp dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOUDS } from './clouds.ts';

export interface TestPki {
  dir: string;
  caCertPath: string;
  caCertPem: string;
  leafCertPem: string;
  leafKeyPem: string;
  cleanup(): void;
}

/** Host names the emulator terminates TLS for (real names, reached through the CONNECT proxy). */
export function defaultSans(locations: string[]): string[] {
  const sans = [
    'login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net',
    'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn',
    'management.azure.com', 'management.core.windows.net', 'management.usgovcloudapi.net', 'management.chinacloudapi.cn',
    '*.vault.azure.net', '*.vault.usgovcloudapi.net', '*.vault.azure.cn',
    '*.blob.core.windows.net', '*.blob.core.usgovcloudapi.net', '*.blob.core.chinacloudapi.cn',
    ...CLOUDS.map((c) => `*${c.mlApiSuffix}`),
    'api.github.com', 'token.actions.githubusercontent.com', '*.actions.githubusercontent.com',
    'localhost',
  ];
  for (const loc of locations) for (const c of CLOUDS) sans.push(`*.${loc.toLowerCase()}${c.scoringSuffix}`);
  return sans;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') {
      throw new Error('azure emulator: the `openssl` CLI is required to generate the test CA (apt-get install openssl)');
    }
    throw new Error(`azure emulator: openssl ${args[0] ?? ''} failed: ${err.stderr?.toString() ?? String(e)}`);
  }
}

export function createTestPki(sans: string[]): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'azure-emulator-'));
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
    '-subj', '/CN=Azure Emulator Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=azure-emulator'], dir);
  const altNames = [...sans.map((s) => `DNS:${s}`), 'IP:127.0.0.1'].join(',');
  writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '2', '-extfile', 'leaf.ext'], dir);
  const caCertPath = join(dir, 'ca.crt');
  return {
    dir,
    caCertPath,
    caCertPem: readFileSync(caCertPath, 'utf8'),
    leafCertPem: readFileSync(join(dir, 'leaf.crt'), 'utf8'),
    leafKeyPem: readFileSync(join(dir, 'leaf.key'), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
