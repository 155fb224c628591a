// What every service module gets: the world, the signing keys, and a few emulator facts.
import type { SigningKey } from './jwt.ts';
import type { World } from './state.ts';

export interface Ctx {
  world: World;
  /** Signs GitHub OIDC ID tokens (published as JWKS). */
  githubKey: SigningKey;
  /** Signs Entra access tokens. */
  entraKey: SigningKey;
  /** http://127.0.0.1:PORT (admin API and the GitHub OIDC request endpoint). */
  adminBase: string;
}
