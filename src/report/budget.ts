// GitHub's size limits on what a step publishes, and the one way the report stays under them at any
// input size: every section keeps its most important items first, gets a fair share of the budget,
// and ends with a note saying how many items were left out and where all of them are.

/** Documented limits (docs.github.com: "Adding a job summary", "Passing information between jobs", REST issue comments). */
export const GITHUB_LIMITS = {
  /** A step's job summary over 1 MiB is not shown at all. */
  summaryBytes: 1024 * 1024,
  /** One output holds at most 1 MB. */
  outputBytes: 1_000_000,
  /** An issue or pull-request comment body holds at most 65,536 characters. */
  commentChars: 65_536,
} as const;

/** What the report aims for: each limit less a margin, so framing and rounding never cross it. */
export const BUDGETS = {
  summaryBytes: 1_000_000,
  outputBytes: 900_000,
  commentChars: 60_000,
} as const;

export type Measure = (text: string) => number;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');
/** UTF-16 code units: never fewer than the characters GitHub counts. */
export const characters: Measure = (text) => text.length;

export interface Section {
  /** Always shown: the heading, and any text that introduces the section. */
  title: string;
  /** Shown before the first item only when at least one item is: a table header, say. */
  opening?: string;
  /** Most important first. */
  items: readonly string[];
  /** Shown when there are no items. */
  empty: string;
  /** Joins the items: '\n' for table rows and list lines (the default), '\n\n' for blocks. */
  separator?: string;
  /** The note that ends the section when `omitted` of its items did not fit. */
  more(omitted: number): string;
}

/**
 * Renders `preface` and the sections within `budget` (as `measure` counts). When everything does
 * not fit, each section first gets an equal share, and what a section leaves unused goes to the
 * sections before the others, in order: the first section is the most important.
 */
export function renderWithin(preface: string, sections: readonly Section[], budget: number, measure: Measure): string {
  const gap = '\n\n';
  const fixed =
    measure(preface) +
    sections.reduce((sum, s) => {
      const frame = s.items.length ? (s.opening ? measure(s.opening) + 1 : 0) + measure(gap + s.more(s.items.length)) : measure(s.empty);
      return sum + measure(gap) * 2 + measure(s.title) + frame;
    }, 0);
  const itemCosts = sections.map((s) => s.items.map((item) => measure(item) + measure(s.separator ?? '\n')));
  const allowances = share(itemCosts.map((costs) => costs.reduce((a, b) => a + b, 0)), Math.max(0, budget - fixed));

  const parts = [preface];
  sections.forEach((section, i) => {
    parts.push(section.title);
    if (section.items.length === 0) {
      parts.push(section.empty);
      return;
    }
    const shown = countWithin(itemCosts[i] ?? [], allowances[i] ?? 0);
    const body = section.items.slice(0, shown).join(section.separator ?? '\n');
    if (shown > 0) parts.push(section.opening ? `${section.opening}\n${body}` : body);
    if (shown < section.items.length) parts.push(section.more(section.items.length - shown));
  });
  return clip(parts.join(gap) + '\n', budget, measure);
}

/** Equal shares first; what a section does not need goes to the earlier sections that still do. */
export function share(needs: readonly number[], total: number): number[] {
  if (needs.reduce((a, b) => a + b, 0) <= total) return [...needs];
  const fair = Math.floor(total / Math.max(1, needs.length));
  const given = needs.map((need) => Math.min(need, fair));
  let left = total - given.reduce((a, b) => a + b, 0);
  for (let i = 0; i < needs.length && left > 0; i++) {
    const extra = Math.min(left, (needs[i] ?? 0) - (given[i] ?? 0));
    given[i] = (given[i] ?? 0) + extra;
    left -= extra;
  }
  return given;
}

/** How many leading items fit: the first that does not fit ends the run, so the order is kept. */
export function countWithin(costs: readonly number[], allowance: number): number {
  let used = 0;
  for (let i = 0; i < costs.length; i++) {
    used += costs[i] ?? 0;
    if (used > allowance) return i;
  }
  return costs.length;
}

/** Last resort for text that cannot be split into items (huge notes): cut it and say so. */
export function clip(text: string, budget: number, measure: Measure): string {
  if (measure(text) <= budget) return text;
  const note = '\n\n… (cut here: the text is longer than GitHub accepts)\n';
  const room = Math.max(0, budget - measure(note));
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid)) <= room) low = mid;
    else high = mid - 1;
  }
  // Never end on the first half of a surrogate pair.
  const end = low > 0 && /[\uD800-\uDBFF]/.test(text[low - 1] ?? '') ? low - 1 : low;
  return text.slice(0, end) + note;
}
