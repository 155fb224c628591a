// Registered assets the deployment names exist: model, environment and code versions (by version,
// `@latest`, ARM id or registry URI), as the adapters looked them up by the reference text
// (docs/online-checks.md §assets). Local assets are registered by deploy and not checked here.
import { makeFinding } from '../findings/finding.ts';
import type { AssetRef, DeploymentSpec } from '../spec/index.ts';
import type { Span } from '../spec/tree.ts';
import { at, defineCheck, lookupCI, type CheckOutput } from './check.ts';

/** The registered assets a deployment names, with where. */
export function assetReferences(d: DeploymentSpec): Array<{ field: string; ref: AssetRef; span: Span }> {
  const out: Array<{ field: string; ref: AssetRef; span: Span }> = [];
  if (d.model?.kind === 'ref') out.push({ field: 'model', ref: d.model.ref, span: d.model.span });
  if (d.environment?.kind === 'ref') out.push({ field: 'environment', ref: d.environment.ref, span: d.environment.span });
  if (d.code?.kind === 'ref') out.push({ field: 'code_configuration.code', ref: d.code.ref, span: d.code.span });
  return out;
}

export const assetsCheck = defineCheck('assets', ['asset-not-found', 'cannot-verify'], (ctx) => {
  const out: Pick<CheckOutput, 'findings'> = { findings: [] };
  for (const d of ctx.deployments) {
    for (const { field, ref, span } of assetReferences(d)) {
      const lookup = lookupCI(ctx.facts.assets, ref.text);
      if (!lookup || lookup.kind === 'found') continue;
      if (lookup.kind === 'unreadable') {
        out.findings.push(makeFinding('cannot-verify', at(d.file, span), `Cannot verify that ${field} ${ref.text} exists: ${lookup.why}.`, {
          hint: lookup.permission ? `Give the workflow identity ${lookup.permission} where the asset lives.` : 'Give the workflow identity read access to the workspace or registry that holds the asset.',
        }));
        continue;
      }
      out.findings.push(makeFinding('asset-not-found', at(d.file, span), `${field} ${ref.text}: ${missingWhat(ref)}.`, { hint: fixFor(ref) }));
    }
  }
  return out;
});

function missingWhat(ref: AssetRef): string {
  const kind = ref.type === 'codes' ? 'code' : ref.type.replace(/s$/, '');
  switch (ref.kind) {
    case 'version':
      return `the workspace has no ${kind} ${ref.name} with version ${ref.version}`;
    case 'label':
      return `the workspace has no ${kind} ${ref.name}, so @${ref.label} resolves to nothing`;
    case 'arm':
      return `no ${kind} version exists at ${ref.id}`;
    case 'registry':
      return `the registry has no such ${kind} version (or it is not visible to the signed-in identity)`;
    case 'curated':
      return `no curated environment ${ref.ref} exists`;
  }
}

function fixFor(ref: AssetRef): string {
  const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
  if (ref.kind === 'version' || ref.kind === 'label') return `See what exists: az ml ${cli} list --name ${ref.name} --query "[].version". Register it first, or reference an existing version.`;
  return `Register the ${cli} first, or reference an existing version.`;
}
