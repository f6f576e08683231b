export { simulateSchedule } from './simulate.js';
export { SampleStream } from './stream.js';
export type { HistogramBin, MakespanSummary, MonteCarloOptions, MonteCarloResult } from './summary.js';
