// Registered assets the deployment names exist: model, environment and code versions (by version,
// `@latest`, ARM id or registry URI), as the adapters looked them up by the reference text
// (docs/online-checks.md §assets). Local assets are registered by deploy and not checked here.
import { makeFinding } from '../findings/finding.ts';
import type { AssetRef, DeploymentSpec } from '../manifests/index.ts';
import type { Span } from '../manifests/tree.ts';
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
      if (!lookup && (ref.kind === 'registry' || ref.kind === 'curated')) {
        out.findings.push(notRead(d.file, span, field, ref));
        continue;
      }
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

/**
 * A registry asset (or a curated environment, which lives in the `azureml` registry) is not read:
 * registry assets are served by the registry's regional host after a discovery call, not by the
 * workspace's ARM path, and the action does not make those reads yet. Honest `cannot-verify` with
 * the command that shows the asset, never a silent pass.
 */
function notRead(file: string, span: Span, field: string, ref: Extract<AssetRef, { kind: 'registry' | 'curated' }>) {
  const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
  const parts = ref.kind === 'registry' ? parseRegistryUri(ref.uri) : curatedParts(ref.ref);
  const show = parts
    ? `az ml ${cli} show --registry-name ${parts.registry} --name ${parts.name} ${parts.version ? `--version ${parts.version}` : `--label ${parts.label ?? 'latest'}`}`
    : `az ml ${cli} list --registry-name <registry>`;
  return makeFinding('cannot-verify', at(file, span), `Cannot verify that ${field} ${ref.text} exists: it lives in ${parts ? `registry ${parts.registry}` : 'a registry'}, which is read through the registry's own regional endpoint, and this action reads only the workspace's assets; the service resolves it when the deployment is created.`, {
    hint: `Check it exists and that the endpoint identity may read it: ${show}.`,
  });
}

/** `azureml://registries/<reg>/<type>/<name>/versions/<v>` or `…/labels/<label>`; undefined when shaped otherwise. */
export function parseRegistryUri(uri: string): { registry: string; name: string; version?: string; label?: string } | undefined {
  const m = /^azureml:\/\/registries\/([^/]+)\/[^/]+\/([^/]+)(?:\/(versions|labels)\/([^/]+))?$/i.exec(uri);
  if (!m || !m[1] || !m[2]) return undefined;
  return { registry: m[1], name: m[2], ...(m[3]?.toLowerCase() === 'versions' ? { version: m[4] } : { label: m[4] ?? 'latest' }) };
}

/** `azureml:AzureML-<name>:<version>` / `@latest`: a curated environment of the `azureml` registry. */
function curatedParts(text: string): { registry: string; name: string; version?: string; label?: string } {
  const rest = text.replace(/^azureml:/, '');
  const atSign = rest.indexOf('@');
  if (atSign >= 0) return { registry: 'azureml', name: rest.slice(0, atSign), label: rest.slice(atSign + 1) };
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? { registry: 'azureml', name: rest.slice(0, colon), version: rest.slice(colon + 1) } : { registry: 'azureml', name: rest, label: 'latest' };
}

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
