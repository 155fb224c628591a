// Online endpoint YAML (ManagedOnlineEndpointSchema / KubernetesOnlineEndpointSchema): validation
// with positions, and the typed EndpointSpec the REST translation reads.
import type { Span, YMap, YNode } from './tree.ts';
import { type Ctx, checkName, dict, fromSet, entry, enumOf, firstLine, int, list, object, parentSpan, required, str } from './schema.ts';
import { parseComputeRef, pyStrNode, pyStrText, strDict } from './assets.ts';
import { checkTrafficValues } from './traffic.ts';

export const ENFORCE_FLAG = 'enforce_access_to_default_secret_stores';

export type AuthMode = 'Key' | 'AMLToken' | 'AADToken';
export type IdentityType = 'SystemAssigned' | 'UserAssigned' | 'None';

export interface TrafficEntry {
  /** Lower-cased, as sent. */
  name: string;
  /** As written. */
  key: string;
  percent: number;
  keySpan: Span;
  valueSpan: Span;
}

export interface EndpointSpec {
  kind: 'endpoint';
  file: string;
  name: string;
  computeType: 'Managed' | 'Kubernetes';
  description?: string;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  authMode: AuthMode;
  /** undefined: the YAML has no identity block (the SDK then sends SystemAssigned). */
  identity?: {
    type: IdentityType;
    userAssignedIdentities: Array<{ resourceId: string; clientId?: string; objectId?: string }>;
    principalId?: string;
    tenantId?: string;
  };
  traffic: TrafficEntry[];
  mirrorTraffic: TrafficEntry[];
  publicNetworkAccess?: 'enabled' | 'disabled';
  /** Kubernetes: `azureml:<name>` (name) or `azureml:<ARM id>` (id). */
  compute?: { name?: string; id?: string };
  /** properties.enforce_access_to_default_secret_stores, lower-cased, when set. */
  enforceAccessToDefaultSecretStores?: 'enabled' | 'disabled';
  spans: {
    name?: Span;
    identity?: Span;
    enforceFlag?: Span;
    traffic?: Span;
    mirrorTraffic?: Span;
    /** The value of `compute:` (Kubernetes endpoints). */
    compute?: Span;
    /** environment variables never occur on endpoints; kept for symmetry with deployments. */
    properties: Record<string, Span>;
  };
}

const AUTH_MODES = ['key', 'aml_token', 'aad_token'] as const;
const AUTH_REST: Record<(typeof AUTH_MODES)[number], AuthMode> = { key: 'Key', aml_token: 'AMLToken', aad_token: 'AADToken' };
const ID_TYPES = ['system_assigned', 'user_assigned', 'none'] as const;
const ID_REST: Record<(typeof ID_TYPES)[number], IdentityType> = { system_assigned: 'SystemAssigned', user_assigned: 'UserAssigned', none: 'None' };

const UAI_HINT = 'user_assigned_identities must be a list of mappings:\n  user_assigned_identities:\n    - resource_id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>\n(the single-string form shown in some docs is rejected by az ml).';

const identitySchema = object({
  type: enumOf(ID_TYPES, 'camelToSnake'),
  principal_id: str(),
  tenant_id: str(),
  user_assigned_identities: list(dict(), UAI_HINT),
});

const common = {
  name: required(str(), 'Add name: <endpoint-name> (or pass it with the set input: name=<endpoint-name>).'),
  id: str(),
  description: str(),
  tags: dict(),
  provisioning_state: str(),
  properties: dict(),
  auth_mode: enumOf(AUTH_MODES, 'camelToSnake'),
  scoring_uri: str(),
  location: str(),
  openapi_uri: str(),
  identity: identitySchema,
  traffic: dict(int()),
  mirror_traffic: dict(int()),
};

const managedSchema = object(
  { ...common, public_network_access: enumOf(['enabled', 'disabled'] as const) },
  { dumpOnly: ['kind'], elsewhere: { type: 'online endpoints have no type: the endpoint is Kubernetes when it has compute: azureml:<compute>, managed otherwise (type: managed|kubernetes belongs in deployment YAML).' } },
);
const k8sSchema = object(
  { ...common, compute: str() },
  {
    dumpOnly: ['kind'],
    elsewhere: {
      type: 'online endpoints have no type: compute: already makes this a Kubernetes endpoint.',
      public_network_access: 'public_network_access is only valid for managed online endpoints; this endpoint has compute:, which makes it a Kubernetes endpoint.',
    },
  },
);

/** Every top-level key an endpoint file may have, managed or Kubernetes (for routing `set` overrides). */
export const ENDPOINT_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([...managedSchema.acceptedKeys, ...k8sSchema.acceptedKeys]);

/**
 * The pre-GA (2021) endpoint format: deployments inside the endpoint, `type: online`, `target:`
 * (now `compute:`). Returns the first such key in source order.
 */
export function legacyEndpointKey(root: YMap): { key: string; span: Span } | undefined {
  for (const e of root.entries) {
    if (e.key === 'deployments' || e.key === 'target') return { key: e.key, span: e.keySpan };
    if (e.key === 'type' && e.value.kind === 'scalar' && e.value.value.type === 'str' && e.value.value.value.toLowerCase() === 'online') {
      return { key: e.key, span: e.keySpan };
    }
  }
  return undefined;
}

export function analyzeEndpointTree(root: YNode | undefined, ctx: Ctx): EndpointSpec | undefined {
  if (root === undefined) {
    ctx.report('schema', firstLine(), 'The endpoint file is empty.', { hint: 'Write an online endpoint YAML: name: <endpoint-name>, auth_mode: key.' });
    return undefined;
  }
  if (root.kind === 'map') {
    const legacy = legacyEndpointKey(root);
    if (legacy) {
      ctx.report(
        'legacy-format',
        legacy.span,
        `This endpoint file uses the pre-GA (2021) az ml format ('${legacy.key}:' at the top level), which az ml online-endpoint create no longer accepts.`,
        {
          hint: 'Convert it: keep name, auth_mode (and traffic) in the endpoint file; drop type: online; move each entry of deployments: into its own deployment YAML with endpoint_name: <endpoint>; for Kubernetes use compute: azureml:<compute> instead of target:.',
        },
      );
      return undefined;
    }
  }
  const isK8s = root.kind === 'map' && entry(root, 'compute') !== undefined;
  const parsed = (isK8s ? k8sSchema : managedSchema).parse(root, '', ctx);
  if (!parsed) return undefined;
  const r = parsed as NonNullable<ReturnType<typeof managedSchema.parse>> & { compute?: { value: string; node: YNode } };
  const errorsBefore = ctx.errorCount();

  const name = r.name?.value;
  if (name !== undefined && r.name) checkName(ctx, name, r.name.node.span, 'endpoint', fromSet(r.name.node));

  // identity
  let identity: EndpointSpec['identity'];
  const idEntry = entry(r.$node, 'identity');
  if (r.identity && idEntry) {
    const id = r.identity.value;
    const uais: Array<{ resourceId: string; clientId?: string; objectId?: string }> = [];
    const uaiNode = entry(id.$node, 'user_assigned_identities');
    const list = id.user_assigned_identities?.value ?? [];
    if (list.length > 1) {
      ctx.report('schema', id.user_assigned_identities?.node.span ?? idEntry.keySpan, `identity.user_assigned_identities: only 1 user-assigned identity is currently supported, ${list.length} found.`, {
        hint: 'Keep one entry; an online endpoint has a single identity.',
      });
    }
    list.forEach((item, i) => {
      const rid = entry(item.value, 'resource_id');
      if (!rid || (rid.value.kind === 'scalar' && rid.value.value.type === 'null')) {
        ctx.report(
          'service-rejects',
          rid ? rid.value.span : parentSpan(item.node),
          `identity.user_assigned_identities[${i}] has no resource_id: az ml accepts the entry but sends the identity id as the text "None", which the service rejects.`,
          { hint: UAI_HINT },
        );
      }
      const v: { resourceId: string; clientId?: string; objectId?: string } = { resourceId: rid ? pyStrText(rid.value) : 'None' };
      const cid = entry(item.value, 'client_id');
      if (cid) v.clientId = pyStrText(cid.value);
      const oid = entry(item.value, 'object_id');
      if (oid) v.objectId = pyStrText(oid.value);
      uais.push(v);
    });
    const t = id.type?.value;
    if (!t) {
      if (!entry(id.$node, 'type')) {
        ctx.report('schema', idEntry.keySpan, 'identity.type is required when identity is given (Identity type not found).', {
          hint: 'Add type: system_assigned (or user_assigned with user_assigned_identities, or none).',
        });
      }
    } else {
      const type = ID_REST[t];
      if (type === 'UserAssigned' && list.length === 0 && !(uaiNode && uaiNode.value.kind !== 'seq')) {
        ctx.report(
          'service-rejects',
          id.type?.node.span ?? idEntry.keySpan,
          'identity.type user_assigned has no user_assigned_identities: az ml sends the identity without any, and the service rejects a user-assigned identity that names none.',
          { hint: UAI_HINT },
        );
      }
      if (type !== 'UserAssigned' && list.length > 0) {
        ctx.report(
          'service-rejects',
          id.user_assigned_identities?.keySpan ?? idEntry.keySpan,
          `identity.user_assigned_identities is given with type ${id.type?.node.kind === 'scalar' ? id.type.node.source : t}: az ml sends both, and Azure is expected to refuse user-assigned identities on an identity of type ${type}.`,
          { hint: 'Set type: user_assigned, or remove user_assigned_identities.', severity: 'warning' },
        );
      }
      identity = { type, userAssignedIdentities: uais };
      if (id.principal_id) identity.principalId = id.principal_id.value;
      if (id.tenant_id) identity.tenantId = id.tenant_id.value;
    }
  }

  // properties and the enforce flag
  const propsMap = r.properties?.value;
  const propSpans: Record<string, Span> = {};
  let enforce: EndpointSpec['enforceAccessToDefaultSecretStores'];
  let enforceSpan: Span | undefined;
  if (propsMap) {
    for (const e of propsMap.entries) propSpans[e.key] = e.value.span;
    const flag = entry(propsMap, ENFORCE_FLAG);
    if (flag) {
      enforceSpan = flag.value.span;
      const text = pyStrNode(flag.value);
      const low = text?.toLowerCase();
      if (low === 'enabled' || low === 'disabled') {
        enforce = low;
      } else {
        const sent = text === null ? 'null' : `"${text}"`;
        ctx.report(
          'enforce-flag-value',
          flag.value.span,
          `properties.${ENFORCE_FLAG} is ${flag.value.kind === 'scalar' ? `'${flag.value.source}'` : `a ${flag.value.kind}`}: az ml sends it as ${sent}, but the service knows only 'enabled' and 'disabled', so the flag is not expected to take effect.`,
          { hint: `Write ${ENFORCE_FLAG}: enabled (or disabled).` },
        );
      }
      const idType = identity?.type;
      if (idType === 'UserAssigned') {
        const enabled = enforce === 'enabled' || enforce === undefined;
        ctx.report(
          'enforce-flag-with-uai',
          flag.value.span,
          enabled
            ? `properties.${ENFORCE_FLAG} is not allowed on an endpoint with a user-assigned identity: the service rejects the endpoint.`
            : `properties.${ENFORCE_FLAG} should not be set on an endpoint with a user-assigned identity (even as disabled).`,
          {
            hint: 'Remove the flag and grant the user-assigned identity "Azure Machine Learning Workspace Connection Secrets Reader" on the workspace yourself, or use identity type system_assigned.',
            ...(enabled ? {} : { severity: 'warning' as const }),
          },
        );
      }
    }
  }

  const traffic = trafficEntries(r.traffic?.value);
  const mirror = trafficEntries(r.mirror_traffic?.value);
  checkTrafficValues(ctx, traffic, r.traffic?.keySpan, 'traffic');
  checkTrafficValues(ctx, mirror, r.mirror_traffic?.keySpan, 'mirror_traffic');

  let compute: EndpointSpec['compute'];
  if (isK8s && r.compute) {
    compute = parseComputeRef(r.compute.value, 'compute', r.compute.node.span, ctx);
  }

  if (name === undefined || ctx.errorCount() > errorsBefore || ctx.findings.some((f) => f.severity === 'error')) {
    return undefined;
  }
  const spec: EndpointSpec = {
    kind: 'endpoint',
    file: ctx.file,
    name,
    computeType: isK8s ? 'Kubernetes' : 'Managed',
    tags: strDict(r.tags?.value),
    properties: strDict(propsMap),
    authMode: r.auth_mode ? AUTH_REST[r.auth_mode.value] : 'Key',
    traffic,
    mirrorTraffic: mirror,
    spans: { properties: propSpans },
  };
  if (r.name) spec.spans.name = r.name.node.span;
  if (r.description) spec.description = r.description.value;
  if (identity) spec.identity = identity;
  if (idEntry) spec.spans.identity = idEntry.keySpan;
  if (r.public_network_access) spec.publicNetworkAccess = r.public_network_access.value;
  if (compute) spec.compute = compute;
  if (compute && r.compute) spec.spans.compute = r.compute.node.span;
  if (enforce) spec.enforceAccessToDefaultSecretStores = enforce;
  if (enforceSpan) spec.spans.enforceFlag = enforceSpan;
  if (r.traffic?.keySpan) spec.spans.traffic = r.traffic.keySpan;
  if (r.mirror_traffic?.keySpan) spec.spans.mirrorTraffic = r.mirror_traffic.keySpan;
  return spec;
}

function trafficEntries(items: Array<{ key: string; keySpan: Span; value: { value: number; node: YNode } }> | undefined): TrafficEntry[] {
  return (items ?? []).map((i) => ({ name: i.key.toLowerCase(), key: i.key, percent: i.value.value, keySpan: i.keySpan, valueSpan: i.value.node.span }));
}
