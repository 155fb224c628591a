// Every secret value the run holds (a connection's `listsecrets` answer, a datastore's account key)
// is registered the moment it arrives: as a mask of the runner's log (core.setSecret) and for the
// report's redaction (summary, outputs, annotations, PR comment, SARIF: src/report/redact.ts), so
// nothing printed later — a service error that quotes a value, a container log line — can show it
// (docs/architecture.md §4). Values shorter than MIN_REDACTED_LENGTH are not credentials and would
// mask ordinary words.
import * as core from '@actions/core';
import { MIN_REDACTED_LENGTH } from '../report/redact.ts';

const held = new Set<string>();

/** Registers every string inside `value` (an object's leaves, recursively) as a secret. */
export function holdSecretValues(value: unknown): void {
  if (typeof value === 'string') {
    if (value.length >= MIN_REDACTED_LENGTH && !held.has(value)) {
      held.add(value);
      core.setSecret(value);
    }
    return;
  }
  if (Array.isArray(value)) for (const v of value) holdSecretValues(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) holdSecretValues(v);
}

/** The values registered so far, for the report's redaction. */
export function heldSecretValues(): string[] {
  return [...held];
}
