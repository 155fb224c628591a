// uai-platform-roles and identity-immutable: table tests with plain facts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { identityImmutableCheck } from './identity-immutable.ts';
import { uaiPlatformRolesCheck } from './uai-platform-roles.ts';
import { ACR, RG, ROLES, STORAGE, UAI, assign, brief, context, endpointSpec, facts } from './testkit.ts';
import type { EndpointSpec } from '../manifests/index.ts';
import type { LiveEndpointFacts, PrincipalFacts, ValidateFacts } from './facts.ts';

const P = '22222222-2222-2222-2222-222222222222';
const OTHER_UAI = UAI.replace('ep-uai', 'other-uai');
const uaiFile = (id = UAI) => endpointSpec({ identity: { type: 'UserAssigned', userAssignedIdentities: [{ resourceId: id }] } });
const uaiFacts = (assignments: PrincipalFacts['assignments'], p: Partial<ValidateFacts> = {}): ValidateFacts =>
  facts({ userAssignedIdentities: { [UAI.toLowerCase()]: { kind: 'found', value: { resourceId: UAI, principalId: P } } }, principals: { [P]: { objectId: P, assignments } }, ...p });

describe('uai-platform-roles check', () => {
  const table: Array<{ name: string; endpoint?: EndpointSpec; f: ValidateFacts; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'system identity: granted automatically, nothing to check', endpoint: endpointSpec(), f: facts(), want: [] },
    { name: 'UAI holds both', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.acrPull, ACR), assign(P, ROLES.storageBlobDataReader, STORAGE)] }), want: [] },
    { name: 'UAI holds both through the resource group', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.acrPull, RG), assign(P, ROLES.storageBlobDataReader, RG)] }), want: [] },
    {
      name: 'UAI lacks AcrPull: one error on identity with the command', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.storageBlobDataReader, STORAGE)] }), want: ['uai-missing-platform-roles@3:error'],
      message: /lacks AcrPull on acr1/, hint: new RegExp(`^Run: az role assignment create --assignee-object-id ${P} --assignee-principal-type ServicePrincipal --role "AcrPull" --scope ${ACR}$`),
    },
    { name: 'UAI lacks both: one error naming both', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [] }), want: ['uai-missing-platform-roles@3:error'], message: /AcrPull on acr1 .* and Storage Blob Data Reader on st1/, hint: / && az role assignment create/ },
    // Reader's */read matches registries/pull/read: ARM (and the ACR role table) let Reader pull.
    { name: 'Reader on the group pulls, but reads no blob data', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.reader, RG)] }), want: ['uai-missing-platform-roles@3:error'], message: /lacks Storage Blob Data Reader on st1 / },
    { name: 'Owner does not give blob data access', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.owner, RG)] }), want: ['uai-missing-platform-roles@3:error'], message: /Storage Blob Data Reader/ },
    { name: 'Storage Blob Data Reader on a container only: cannot-verify', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.acrPull, ACR), assign(P, ROLES.storageBlobDataReader, `${STORAGE}/blobServices/default/containers/azureml`)] }), want: ['cannot-verify@3:warning'], message: /a part of/ },
    { name: 'assignments unreadable: two cannot-verify', endpoint: uaiFile(), f: uaiFacts({ kind: 'unreadable', why: 'Forbidden' }), want: ['cannot-verify@3:warning', 'cannot-verify@3:warning'] },
    { name: 'recent AcrPull: notice', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.acrPull, ACR, { createdOn: '2026-11-30T11:55:00Z' }), assign(P, ROLES.storageBlobDataReader, STORAGE)] }), want: ['role-not-yet-effective@3:notice'] },
    { name: 'workspace without a registry yet: only storage checked', endpoint: uaiFile(), f: uaiFacts({ kind: 'found', value: [assign(P, ROLES.storageBlobDataReader, STORAGE)] }, { workspace: { kind: 'found', value: { id: 'ws', location: 'eastus', storageAccountId: STORAGE } } }), want: [] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = uaiPlatformRolesCheck.run(context({ endpoint: c.endpoint, facts: c.f }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
});

describe('identity-immutable check', () => {
  const live = (identity: LiveEndpointFacts['identity']): ValidateFacts['endpoint'] => ({ kind: 'found', value: { name: 'my-endpoint', provisioningState: 'Succeeded', identity, traffic: {}, mirrorTraffic: {}, properties: {}, body: {} } });
  const sai = live({ type: 'SystemAssigned', principalId: 'p', userAssigned: {} });
  const uai = live({ type: 'UserAssigned', userAssigned: { [UAI.toLowerCase()]: { principalId: P } } });
  const table: Array<{ name: string; endpoint: EndpointSpec | undefined; live: ValidateFacts['endpoint']; want: string[]; message?: RegExp }> = [
    { name: 'new endpoint', endpoint: uaiFile(), live: { kind: 'missing' }, want: [] },
    { name: 'system stays system (no identity block = system)', endpoint: endpointSpec(), live: sai, want: [] },
    { name: 'same UAI, id case differs', endpoint: uaiFile(UAI.toUpperCase()), live: uai, want: [] },
    { name: 'system → user: error on identity', endpoint: uaiFile(), live: sai, want: ['identity-immutable@3:error'], message: /exists with a system-assigned identity; the file asks for the user-assigned identity ep-uai/ },
    { name: 'user → system', endpoint: endpointSpec(), live: uai, want: ['identity-immutable@3:error'] },
    { name: 'another UAI', endpoint: uaiFile(OTHER_UAI), live: uai, want: ['identity-immutable@3:error'], message: /other-uai/ },
    { name: 'none → system', endpoint: endpointSpec(), live: live({ type: 'None', userAssigned: {} }), want: ['identity-immutable@3:error'] },
    { name: 'deployment files only: nothing to compare', endpoint: undefined, live: sai, want: [] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = identityImmutableCheck.run(context({ endpoint: c.endpoint, facts: facts({ endpoint: c.live }) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
    });
  }
});
