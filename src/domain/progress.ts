/**
 * Told how far a long computation has got: `done` of `total` units of the named stage. A pure
 * callback: it sees progress but cannot change the result.
 */
export type ProgressCallback = (stage: string, done: number, total: number) => void;
