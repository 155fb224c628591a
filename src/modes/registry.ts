// The modes the `mode` input selects. The online modes are loaded with a dynamic import (the
// bundle splits them into chunks of their own), so lint, which is in the entry bundle, never
// loads an Azure SDK.
import type { Mode } from '../inputs.ts';
import { lintMode } from './lint.ts';
import type { ModeDefinition } from './mode.ts';

export const MODE_REGISTRY: Record<Mode, () => Promise<ModeDefinition>> = {
  lint: async () => lintMode,
  validate: async () => (await import('./validate.ts')).validateMode as ModeDefinition,
  deploy: async () => (await import('./deploy.ts')).deployMode as ModeDefinition,
  delete: async () => (await import('./delete.ts')).deleteMode as ModeDefinition,
};
