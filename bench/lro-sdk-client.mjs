// Helper of bench/lro.mjs: the same deployment created by a plain SDK client
// (@azure/arm-machinelearning's beginCreateOrUpdateAndWait at its default polling interval), so the
// bench can print its wall time beside the action's. Started by lro.mjs with the emulator's
// variables (proxy, CA, OIDC); prints one JSON line.
import { ClientAssertionCredential } from '@azure/identity';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';

const [sub, rg, ws, tenant, clientId, endpoint, name] = process.argv.slice(2);
const assertion = async () => {
  const res = await fetch(`${process.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent('api://AzureADTokenExchange')}`, { headers: { Authorization: `Bearer ${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
  return (await res.json()).value;
};
const client = new AzureMachineLearningWorkspaces(new ClientAssertionCredential(tenant, clientId, assertion), sub);
const asset = (kind, n) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}/${kind}/${n}/versions/1`;
const started = Date.now();
await client.onlineDeployments.beginCreateOrUpdateAndWait(rg, ws, endpoint, name, {
  location: 'eastus',
  sku: { name: 'Default', capacity: 1 },
  properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', model: asset('models', 'demo-model'), environmentId: asset('environments', 'demo-env') },
});
console.log(JSON.stringify({ wallMs: Date.now() - started }));
