// The pure layers stay pure because the linter says so (docs/architecture.md §2): this test
// proves the rule fires for each forbidden kind of import, and stays quiet where I/O belongs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { repoRoot } from '../e2e/harness.ts';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath: `${repoRoot}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

const cases: [string, string, string, boolean][] = [
  ['file system in spec', 'src/manifests/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", true],
  ['network in secrets', 'src/secrets/probe.ts', "import { request } from 'node:https';\nexport const x = request;\n", true],
  ['the runner in checks', 'src/checks/probe.ts', "import * as core from '@actions/core';\nexport const x = core;\n", true],
  ['an Azure SDK in findings', 'src/findings/probe.ts', "import { DefaultAzureCredential } from '@azure/identity';\nexport const x = DefaultAzureCredential;\n", true],
  ['an adapter in checks', 'src/checks/probe.ts', "import * as ml from '../azure/ml.ts';\nexport const x = ml;\n", true],
  ['fetch in checks', 'src/checks/probe.ts', "export const x = () => fetch('https://example.invalid');\n", true],
  ['the runner in the rollout plan', 'src/apply/traffic-plan.ts', "import * as core from '@actions/core';\nexport const x = core;\n", true],
  ['the runner in the rollout apply', 'src/apply/probe.ts', "import * as core from '@actions/core';\nexport const x = core;\n", false],
  ['the cloud table in secrets', 'src/secrets/probe.ts', "import { CLOUDS } from '../azure/clouds.ts';\nexport const x = CLOUDS;\n", false],
  ['hashing in spec', 'src/manifests/probe.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;\n", false],
  ['the runner in the pipeline', 'src/pipeline-probe.ts', "import * as core from '@actions/core';\nexport const x = core;\n", false],
  ['an Azure SDK in an adapter', 'src/azure/probe.ts', "import { DefaultAzureCredential } from '@azure/identity';\nexport const x = DefaultAzureCredential;\n", false],
];

describe('purity of the pure layers is enforced by the linter', () => {
  for (const [name, file, source, forbidden] of cases) {
    it(`${forbidden ? 'rejects' : 'allows'} ${name}`, async () => {
      const count = await restrictedImports(file, source);
      assert.equal(count > 0, forbidden, `${file}: ${count} restricted import(s)`);
    });
  }
});
