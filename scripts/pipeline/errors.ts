/**
 * Errors in a linter's shape: file, line, rule, reason. Stages collect them
 * and the build prints them together, then fails without writing anything.
 */
export interface PlanIssue {
  file: string;
  line: number;
  /** Short rule name, e.g. `toc-section-missing`. */
  rule: string;
  /** What was found and what was expected. */
  reason: string;
}

export class PlanError extends Error {
  readonly issues: PlanIssue[];

  constructor(issues: PlanIssue[], options?: { cause?: unknown }) {
    super(issues.map(formatIssue).join('\n'), options);
    this.name = 'PlanError';
    this.issues = issues;
  }
}

export function formatIssue(issue: PlanIssue): string {
  return `${issue.file}:${issue.line}: ${issue.rule}: ${issue.reason}`;
}

/** Longest reason printed: a reason quotes at most a snippet of the text. */
const MAX_REASON = 1000;

/**
 * A reason as one printable line: control characters (line breaks, ESC of a
 * terminal escape sequence, NUL…) that a quoted snippet might carry are
 * written as \uXXXX, so one problem is always one line of the report.
 */
function printable(reason: string): string {
  const safe = reason.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return safe.length > MAX_REASON ? `${safe.slice(0, MAX_REASON)}…` : safe;
}

/** Collects issues for one file; `throwIfAny` fails once with all of them. */
export class IssueCollector {
  readonly issues: PlanIssue[] = [];
  constructor(readonly file: string) {}

  add(line: number, rule: string, reason: string): void {
    this.issues.push({ file: this.file, line, rule, reason: printable(reason) });
  }

  /** Add and stop at once: for problems after which nothing else can be read. */
  fail(line: number, rule: string, reason: string): never {
    this.add(line, rule, reason);
    throw new PlanError(this.issues);
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new PlanError(this.issues);
  }
}
