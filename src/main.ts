// run(): reads the inputs once, runs the one pipeline (src/pipeline.ts) for the chosen mode, and
// funnels every failure into one place.
import * as core from '@actions/core';
import { heldSecretValues } from './azure/secret-values.ts';
import { InputError, envInputReader, readInputs } from './inputs.ts';
import { failed, failureMessage } from './report/model.ts';
import { publishReport } from './report/publish.ts';
import { runPipeline } from './pipeline.ts';
import { secretOverrideValues } from './manifests/override-scope.ts';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(envInputReader());
    const report = await runPipeline(inputs);
    await core.group('Report', () => publishReport(report, { prComment: inputs.prComment, githubToken: inputs.githubToken, secretValues: [...secretOverrideValues(inputs.overrides), ...heldSecretValues()] }));
    if (failed(report)) {
      core.setFailed(failureMessage(report));
    }
  } catch (error) {
    fail(error);
  }
}

/** The one failure funnel: every error ends here with a message a user can act on. */
function fail(error: unknown): void {
  if (error instanceof InputError) {
    for (const problem of error.problems) core.error(problem, { title: 'Invalid input' });
    core.setFailed(error.problems.length === 1 ? `Invalid input: ${error.problems[0]}` : `${error.problems.length} inputs are invalid (see the errors above).`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(message);
  if (error instanceof Error && error.stack) core.debug(error.stack);
}
