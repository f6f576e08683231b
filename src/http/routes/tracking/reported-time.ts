import { AppError } from '../../../errors.js';

/** Reported times may lag (queued reports) but not run ahead of the server clock. */
export function checkReportedTime(at: string | undefined, path: string): void {
  if (at !== undefined && Date.parse(at) > Date.now() + 5 * 60_000) {
    throw new AppError(400, 'time_in_future', `${path.slice(1)} ${at} is in the future`, [{ path, message: 'more than 5 minutes ahead of the server clock' }]);
  }
}
