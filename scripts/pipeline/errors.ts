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

  constructor(issues: PlanIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'PlanError';
    this.issues = issues;
  }
}

export function formatIssue(issue: PlanIssue): string {
  return `${issue.file}:${issue.line}: ${issue.rule}: ${issue.reason}`;
}

/** Collects issues for one file; `throwIfAny` fails once with all of them. */
export class IssueCollector {
  readonly issues: PlanIssue[] = [];
  constructor(readonly file: string) {}

  add(line: number, rule: string, reason: string): void {
    this.issues.push({ file: this.file, line, rule, reason });
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
