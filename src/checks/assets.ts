// Registered assets the deployment names exist: model, environment and code versions (by version,
// `@latest`, ARM id or registry URI, `labels/latest` included), as the adapters looked them up by
// the reference text (docs/online-checks.md §assets); for a registry asset that does not exist, what
// is missing and its latest version. Curated `azureml:AzureML-…` names: an honest cannot-verify. Local assets are registered by deploy and not checked here.
import { makeFinding } from '../findings/finding.ts';
import type { AssetRef, DeploymentSpec } from '../manifests/index.ts';
import type { RegistryMissFacts } from './facts.ts';
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
        const registry = ref.kind === 'registry' ? parseRegistryUri(ref.uri)?.registry : undefined;
        out.findings.push(makeFinding('cannot-verify', at(d.file, span), `Cannot verify that ${field} ${ref.text} exists: ${lookup.why}.`, {
          hint: lookup.permission
            ? `Give the workflow identity ${lookup.permission} ${registry ? `on registry ${registry} (the Reader role on the registry grants it)` : 'where the asset lives'}.`
            : 'Give the workflow identity read access to the workspace or registry that holds the asset.',
        }));
        continue;
      }
      const miss = ref.kind === 'registry' ? lookupCI(ctx.facts.registryMisses ?? {}, ref.text) : undefined;
      if (ref.kind === 'registry' && miss) {
        out.findings.push(makeFinding('asset-not-found', at(d.file, span), `${field} ${ref.text}: ${registryMissing(ref, miss)}.`, { hint: registryFix(field, ref, miss) }));
        continue;
      }
      out.findings.push(makeFinding('asset-not-found', at(d.file, span), `${field} ${ref.text}: ${missingWhat(ref)}.`, { hint: fixFor(ref) }));
    }
  }
  return out;
});

/**
 * An asset reference that was not read: a curated environment (`azureml:AzureML-…`, which the service
 * resolves from the `azureml` registry under a name this action does not map), or a registry URI
 * that is not shaped as an asset. Honest `cannot-verify` with the command that shows the asset,
 * never a silent pass. Registry URIs are read (src/azure/registry.ts) and judged above.
 */
function notRead(file: string, span: Span, field: string, ref: Extract<AssetRef, { kind: 'registry' | 'curated' }>) {
  const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
  const parts = ref.kind === 'registry' ? parseRegistryUri(ref.uri) : curatedParts(ref.ref);
  const show = parts
    ? `az ml ${cli} show --registry-name ${parts.registry} --name ${parts.name} ${parts.version ? `--version ${parts.version}` : `--label ${parts.label ?? 'latest'}`}`
    : `az ml ${cli} list --registry-name <registry>`;
  const why = ref.kind === 'curated'
    ? 'it is a curated environment of registry azureml, which the service resolves by its curated name when the deployment is created; this action does not read curated names'
    : parts ? `registry ${parts.registry} was not read` : `${ref.uri} is not shaped as azureml://registries/<registry>/<type>/<name>/versions/<version> (or …/labels/latest), so it was not read`;
  return makeFinding('cannot-verify', at(file, span), `Cannot verify that ${field} ${ref.text} exists: ${why}.`, {
    hint: `Check it exists and that the endpoint identity may read it: ${show}.`,
  });
}

/** `azureml://registries/<reg>/<type>/<name>/versions/<v>` or `…/labels/<label>`; undefined when shaped otherwise. */
export function parseRegistryUri(uri: string): { registry: string; type: string; name: string; version?: string; label?: string } | undefined {
  const m = /^azureml:\/\/registries\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(versions|labels)\/([^/]+))?$/i.exec(uri);
  if (!m || !m[1] || !m[2] || !m[3]) return undefined;
  return { registry: m[1], type: m[2], name: m[3], ...(m[4]?.toLowerCase() === 'versions' ? { version: m[5] } : { label: m[5] ?? 'latest' }) };
}

/** `azureml:AzureML-<name>:<version>` / `@latest`: a curated environment of the `azureml` registry. */
function curatedParts(text: string): { registry: string; name: string; version?: string; label?: string } {
  const rest = text.replace(/^azureml:/, '');
  const atSign = rest.indexOf('@');
  if (atSign >= 0) return { registry: 'azureml', name: rest.slice(0, atSign), label: rest.slice(atSign + 1) };
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? { registry: 'azureml', name: rest.slice(0, colon), version: rest.slice(colon + 1) } : { registry: 'azureml', name: rest, label: 'latest' };
}

function cliOf(type: string): string {
  return type === 'models' ? 'model' : type === 'environments' ? 'environment' : type === 'codes' ? 'code' : type.replace(/s$/, '');
}

/** What a registry read found missing (src/checks/facts.ts RegistryMissFacts). */
function registryMissing(ref: Extract<AssetRef, { kind: 'registry' }>, miss: RegistryMissFacts): string {
  const parts = parseRegistryUri(ref.uri);
  const kind = cliOf(parts?.type ?? ref.type);
  switch (miss.missing) {
    case 'registry':
      return `no registry named ${miss.registry} exists (registry discovery answered 404)`;
    case 'name':
      return `registry ${miss.registry} has no ${kind} named ${parts?.name ?? ''} (names are case-sensitive)${parts?.label ? `, so labels/${parts.label} resolves to nothing` : ''}`;
    case 'version':
      return `registry ${miss.registry} has no version ${parts?.version ?? ''} of ${kind} ${parts?.name ?? ''}${miss.latestVersion ? `; its latest version is ${miss.latestVersion}` : ''}`;
  }
}

function registryFix(field: string, ref: Extract<AssetRef, { kind: 'registry' }>, miss: RegistryMissFacts): string {
  const parts = parseRegistryUri(ref.uri);
  const cli = cliOf(parts?.type ?? ref.type);
  if (miss.missing === 'registry') return `Check the registry name (az ml registry list --query "[].name" lists those of a subscription); registry names are those of azureml://registries/<registry>/….`;
  if (miss.missing === 'name') return `See what exists: az ml ${cli} list --registry-name ${miss.registry} --query "[].name".`;
  const latest = miss.latestVersion;
  return latest && parts
    ? `Did you mean version ${latest}? ${field}: azureml://registries/${parts.registry}/${parts.type}/${parts.name}/versions/${latest} (or …/labels/latest). See every version: az ml ${cli} list --registry-name ${miss.registry} --name ${parts.name} --query "[].version".`
    : `See what exists: az ml ${cli} list --registry-name ${miss.registry} --name ${parts?.name ?? '<name>'} --query "[].version".`;
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
