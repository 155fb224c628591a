// Minimal RS256 JWT signing/verification with node:crypto (no dependency).
import { createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID().replace(/-/g, ''), privateKey, publicKey };
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function signJwt(key: SigningKey, claims: Record<string, unknown>, typ = 'JWT'): string {
  const head = b64url(JSON.stringify({ typ, alg: 'RS256', kid: key.kid, x5t: key.kid }));
  const body = b64url(JSON.stringify(claims));
  const signer = createSign('RSA-SHA256');
  signer.update(`${head}.${body}`);
  return `${head}.${body}.${signer.sign(key.privateKey).toString('base64url')}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signedPart: string;
  signature: Buffer;
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, c, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined;
    return { header: header as Record<string, unknown>, claims: claims as Record<string, unknown>, signedPart: `${h}.${c}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

/** Verifies the RS256 signature against any of `keys` (matched by kid when present). */
export function verifyJwtSignature(decoded: DecodedJwt, keys: SigningKey[]): boolean {
  if (decoded.header['alg'] !== 'RS256') return false;
  const kid = decoded.header['kid'];
  for (const key of keys) {
    if (typeof kid === 'string' && kid !== key.kid) continue;
    const v = createVerify('RSA-SHA256');
    v.update(decoded.signedPart);
    if (v.verify(key.publicKey, decoded.signature)) return true;
  }
  return false;
}

export function jwks(keys: SigningKey[]): { keys: Record<string, unknown>[] } {
  return {
    keys: keys.map((k) => {
      const jwk = k.publicKey.export({ format: 'jwk' });
      return { kty: 'RSA', use: 'sig', alg: 'RS256', kid: k.kid, x5t: k.kid, n: jwk.n, e: jwk.e };
    }),
  };
}
