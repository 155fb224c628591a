// GitHub's own parser for workflow files and action.yml (@actions/workflow-parser, the one behind
// the Actions VS Code extension and language server), loaded for Node's test runner. The package
// imports its JSON schemas without `with { type: 'json' }` (it is built for bundlers), so a load
// hook adds that attribute to .json imports before the package is imported.
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.endsWith('.json')) return nextLoad(url, context);
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  },
});

const workflows = await import('@actions/workflow-parser');
const actions = await import('@actions/workflow-parser/actions/index');

export interface Parsed<T> {
  /** The parser's messages, e.g. "ci.yml (Line: 5, Col: 5): Unexpected value 'stepz'". */
  errors: string[];
  template?: T;
}

export type WorkflowTemplate = Awaited<ReturnType<typeof workflows.convertWorkflowTemplate>>;
export type ActionTemplate = Awaited<ReturnType<typeof actions.convertActionTemplate>>;

export async function parseWorkflowFile(name: string, content: string): Promise<Parsed<WorkflowTemplate>> {
  const result = workflows.parseWorkflow({ name, content }, new workflows.NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !result.value) return { errors };
  const template = await workflows.convertWorkflowTemplate(result.context, result.value);
  return { errors: (template.errors ?? []).map((e) => e.Message), template };
}

export async function parseActionFile(name: string, content: string): Promise<Parsed<ActionTemplate>> {
  const result = actions.parseAction({ name, content }, new workflows.NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !result.value) return { errors };
  return { errors: [], template: await actions.convertActionTemplate(result.context, result.value) };
}
