// `expected-plan` (docs/architecture.md §5): the approved plan file of a reviewed validate run, read
// from the workspace and compared (src/modes/approved-plan.ts) with the plan just computed; any
// difference is a `plan-stale` error that stops deploy (or delete) before any write.
import * as core from '@actions/core';
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { Plan } from '../plan.ts';
import { readSourceFile, workspaceRoot } from '../source-files.ts';
import { comparePlans } from './approved-plan.ts';
import type { AnalyzedRun } from './mode.ts';

/** The plan just computed against the approved one (`expected-plan`): any difference stops deploy (or delete) before any write. */
export function approvedPlanFindings(path: string, plan: Plan, analysis: AnalyzedRun['analysis']): Finding[] {
  const spec = analysis.endpoint;
  const first = analysis.deployments[0];
  const where = spec ? { file: spec.file, line: spec.spans.name?.line ?? 1, column: spec.spans.name?.column ?? 1 } : { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 };
  let approved: unknown;
  try {
    approved = JSON.parse(readSourceFile('expected-plan', path, workspaceRoot()).text);
  } catch (error) {
    return [makeFinding('plan-stale', where, `expected-plan: ${path} cannot be read as a plan file (${error instanceof Error ? error.message : String(error)}); nothing is written.`, { hint: 'Give the plan-file output of the approved validate run (for example downloaded with actions/download-artifact).' })];
  }
  const differences = comparePlans(approved, plan);
  if (!differences.length) {
    core.info(`The plan matches the approved plan in ${path}.`);
    return [];
  }
  return [makeFinding('plan-stale', where, `The plan differs from the approved one (${path}): ${differences.join('; ')}. Nothing is written.`, { hint: 'Azure or the files changed since the approval: run validate again, review the new plan, and approve that one.' })];
}
