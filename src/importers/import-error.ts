/** One thing in a source file that cannot be mapped to a plan input, and where it is. */
export interface ImportIssue {
  /** Where in the source: a JSON pointer (/tasks/3/dependencies/0) or "line 4, column dependencies". */
  path: string;
  message: string;
}

/** Thrown by an importer with every problem it found, not only the first. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly format: string,
    readonly issues: ImportIssue[],
  ) {
    super(`cannot import ${format}: ${issues.length === 1 ? issues[0]!.message : `${issues.length} problems`}`);
  }
}

/** Collects issues while an importer walks its source, and throws them together. */
export class IssueList {
  readonly issues: ImportIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  throwIfAny(format: string): void {
    if (this.issues.length > 0) throw new ImportError(format, this.issues);
  }
}
