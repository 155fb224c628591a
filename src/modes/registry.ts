// The modes the `mode` input selects. The online modes are loaded with a dynamic import (the
// bundle splits them into chunks of their own), so lint, which is in the entry bundle, never
// loads an Azure SDK.
import type { Mode } from '../inputs.ts';
import { lintMode } from './lint.ts';
import type { ModeDefinition } from './mode.ts';

export class NotAvailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAvailableError';
  }
}

const notYet = (mode: Mode) => async (): Promise<ModeDefinition> => {
  throw new NotAvailableError(
    `mode '${mode}' is not available in this version yet: it arrives with the online checks and the rollout. Use mode: lint for offline validation now.`,
  );
};

export const MODE_REGISTRY: Record<Mode, () => Promise<ModeDefinition>> = {
  lint: async () => lintMode,
  validate: notYet('validate'),
  deploy: notYet('deploy'),
};
