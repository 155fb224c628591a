// How bad a finding is. Its own module so the rule catalog (rules.ts) and the Finding type
// (finding.ts) both use it without importing each other.
export type Severity = 'error' | 'warning' | 'notice';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
