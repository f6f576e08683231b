/** One offending fact in a plan input, with the JSON path of the field that caused it. */
export interface InputIssue {
  code: string;
  message: string;
  /** JSON pointer, e.g. /phases/3/dependencies/0 */
  path: string;
  /** The ids involved (a cycle's path, the duplicated id, …). */
  ids?: string[];
}

/** Thrown by the domain when the input is well-formed JSON but describes an impossible plan. */
export class PlanInputError extends Error {
  constructor(
    readonly code: string,
    readonly issues: InputIssue[],
  ) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'PlanInputError';
  }
}
