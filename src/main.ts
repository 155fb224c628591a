// run(): reads the inputs once, picks the mode, and funnels every failure into one place.
// Lint mode is imported statically and touches no Azure SDK; online modes will be loaded with a
// dynamic import so the PR-validation path starts fast.
import * as core from '@actions/core';
import { InputError, envInputReader, readInputs, type Inputs } from './inputs.ts';
import { runLint } from './modes/lint.ts';
import { failed, failureMessage } from './report/model.ts';
import { publishReport } from './report/publish.ts';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(envInputReader());
    const report = await runMode(inputs);
    await core.group('Report', () => publishReport(report));
    if (failed(report)) {
      core.setFailed(failureMessage(report));
    }
  } catch (error) {
    fail(error);
  }
}

async function runMode(inputs: Inputs) {
  if (inputs.prComment) {
    throw new NotAvailableError('pr-comment: the sticky pull-request comment is not available in this version yet; remove the input (the job summary has the same content).');
  }
  switch (inputs.mode) {
    case 'lint':
      return runLint(inputs);
    case 'validate':
    case 'deploy':
      throw new NotAvailableError(
        `mode '${inputs.mode}' is not available in this version yet: it arrives with the online checks and the rollout. ` +
          `Use mode: lint for offline validation now.`,
      );
  }
}

class NotAvailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAvailableError';
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
  if (error instanceof Error && error.stack && !(error instanceof NotAvailableError)) core.debug(error.stack);
}
