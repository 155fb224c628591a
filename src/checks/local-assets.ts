// Local model, code and build-context folders have something to upload once their ignore file is
// applied: az ml refuses an empty folder (EmptyDirectoryError), so the deployment would never start
// (docs/local-assets.md §2). The facts come from the asset plan (src/assets/plan.ts).
import { makeFinding, type Finding } from '../findings/finding.ts';
import { defineCheck } from './check.ts';
import type { LocalAssetFacts } from './facts.ts';

const WHAT = { model: 'The model folder', code: 'The code folder', environment: 'The build context' } as const;

/** One finding per local path with nothing to upload (deploy calls it too, before any write). */
export function emptyLocalAssets(localAssets: readonly LocalAssetFacts[]): Finding[] {
  return localAssets
    .filter((a) => a.files === 0)
    .map((a) =>
      makeFinding(
        'local-asset-empty',
        { file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn },
        `${WHAT[a.kind]} '${a.localPath}' has no file to upload${a.ignoreFile ? ` once its ${a.ignoreFile} is applied` : ''}: az ml refuses an empty folder.`,
      ),
    );
}

export const localAssetsCheck = defineCheck('local-assets', ['local-asset-empty'], (ctx) => ({ findings: emptyLocalAssets(ctx.facts.localAssets ?? []) }));
