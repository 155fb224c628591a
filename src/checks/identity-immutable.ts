// The identity of an existing endpoint cannot change: the file must ask for the one the endpoint
// was created with (docs/online-checks.md §identity-immutable; docs/secret-injection.md §3).
import { makeFinding } from '../findings/finding.ts';
import { defineCheck, endpointPosition } from './check.ts';
import type { ManagedIdentityFacts } from './facts.ts';
import { requestedIdentityType } from './identity.ts';

export const identityImmutableCheck = defineCheck('identity-immutable', ['identity-immutable'], (ctx) => {
  const live = ctx.facts.endpoint;
  const requested = requestedIdentityType(ctx);
  if (live.kind !== 'found' || !ctx.endpoint || requested === undefined) return {};
  const wanted = { type: requested, ids: (ctx.endpoint.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId) };
  const has = describe(live.value.identity);
  const asks = describeWanted(wanted.type, wanted.ids);
  if (same(live.value.identity, wanted.type, wanted.ids)) return {};
  return {
    findings: [
      makeFinding('identity-immutable', endpointPosition(ctx, (s) => s.identity), `Endpoint ${ctx.endpointName} exists with ${has}; the file asks for ${asks}. An endpoint's identity is fixed when it is created, so the update would be rejected.`, {
        hint: `Keep ${has} in the endpoint file, or deploy to a new endpoint name.`,
      }),
    ],
  };
});

function same(live: ManagedIdentityFacts, type: string, ids: string[]): boolean {
  const liveTypes = live.type.split(',').map((t) => t.trim()).sort().join(',');
  if (liveTypes !== type) return false;
  if (type !== 'UserAssigned') return true;
  const a = Object.keys(live.userAssigned).map((k) => k.toLowerCase()).sort();
  const b = ids.map((k) => k.toLowerCase()).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function describe(live: ManagedIdentityFacts): string {
  return describeWanted(live.type, Object.keys(live.userAssigned));
}

function describeWanted(type: string, ids: string[]): string {
  if (type === 'None') return 'no identity';
  if (type === 'SystemAssigned') return 'a system-assigned identity';
  const names = ids.map((id) => id.split('/').pop() ?? id).join(', ');
  if (type === 'UserAssigned') return `the user-assigned identity ${names}`;
  return `a system-assigned and the user-assigned identity ${names}`;
}
