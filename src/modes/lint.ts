// mode: lint — offline and credential-free (fork PRs): everything the files alone can prove.
// It runs only the pipeline's analysis phase.
import type { ModeDefinition } from './mode.ts';

export const lintMode: ModeDefinition = {
  unknownTrafficSeverity: 'warning',
  offlineReferenceStatus: 'lint reads no Azure; validate and deploy resolve it',
};
