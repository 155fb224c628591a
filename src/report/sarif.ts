// Findings → SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif). One run, one
// tool; every rule the findings use is a reportingDescriptor with its title, when it fires, the fix,
// the examples of docs/rules.md and a link to its section there; every finding is a result with the
// exact region it was found at. Pure: returns the log as a value.
// Format: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html
// What GitHub reads of it: https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { compareFindings, type Finding } from '../findings/finding.ts';
import type { Severity } from '../findings/severity.ts';
import { RULES, type RuleId, type RuleSpec } from '../findings/rules.ts';
import { encodePath, ruleUrl, type ReportLinks } from './links.ts';
import { fenced, prose } from './markdown.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'azureml-online-deploy';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  links: ReportLinks;
  /** The action's version, e.g. 0.1.0. */
  version: string;
  /** file:// URI of GITHUB_WORKSPACE (ending in /), the base the findings' relative paths resolve against. */
  workspaceUri?: string;
}

export function buildSarif(findings: readonly Finding[], options: SarifOptions): Log {
  // The rules the results use, in catalog order (code scanning needs no others).
  const used = new Set(findings.map((f) => f.rule));
  const ids = (Object.keys(RULES) as RuleId[]).filter((id) => used.has(id));
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: options.version,
            informationUri: options.links.rulesDoc.replace(/\/blob\/.*$/, ''),
            rules: ids.map((id) => ruleDescriptor(id, RULES[id], options.links)),
          },
        },
        ...(options.workspaceUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.workspaceUri } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: [...findings].sort(compareFindings).map((f) => result(f, index.get(f.rule) ?? 0)),
      },
    ],
  };
}

function ruleDescriptor(id: RuleId, spec: RuleSpec, links: ReportLinks): ReportingDescriptor {
  const helpUri = ruleUrl(links, id);
  const { bad, good, azure } = spec.example;
  // The same content as the rule's section of docs/rules.md (scripts/gen-rules-doc.ts).
  const markdown = [
    `**${prose(spec.title)}**`,
    `**When it fires.** ${prose(spec.when)}`,
    `**Triggers it:**\n\n${fenced('yaml', bad)}${azure ? `\n\nIn Azure: ${prose(azure.bad)}` : ''}`,
    `**Fixed:**\n\n${fenced('yaml', good)}${azure ? `\n\nIn Azure: ${prose(azure.good)}` : ''}`,
    `**Fix.** ${prose(spec.fix)}`,
    `[\`${id}\` in docs/rules.md](${helpUri})`,
  ];
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: spec.title },
    fullDescription: { text: spec.when },
    help: { text: `${spec.when}\n\nFix: ${spec.fix}\n\nDocumentation: ${helpUri}`, markdown: markdown.join('\n\n') },
    helpUri,
    defaultConfiguration: { level: LEVEL[spec.severity] },
    properties: { tags: ['azureml', `detected-in-${spec.detectedIn}`] },
  };
}

function result(f: Finding, ruleIndex: number): Result {
  const absolute = f.file.startsWith('/');
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.hint ? `${f.message}\nFix: ${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: absolute ? { uri: `file://${encodePath(f.file)}` } : { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' },
          region: region(f),
        },
      },
    ],
  };
}

/** SARIF regions are 1-based; endColumn is the column after the last character, as in the findings. */
function region(f: Finding): NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const endLine = f.endLine !== undefined && f.endLine >= startLine ? f.endLine : startLine;
  const out: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } = { startLine, startColumn };
  if (f.endLine !== undefined && endLine !== startLine) out.endLine = endLine;
  if (f.endColumn !== undefined && (endLine > startLine || f.endColumn >= startColumn)) {
    out.endLine = endLine;
    out.endColumn = Math.max(1, f.endColumn);
  }
  return out;
}
