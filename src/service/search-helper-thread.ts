import { workerData, type MessagePort } from 'node:worker_threads';
import { LaneEvaluator, type LaneWork } from '../domain/schedule/lanes.js';
import { ANSWERS, READY, type HelperMessage, type HelperReply } from './search-helper.js';

/** The helper thread (search-helper.ts): takes a plan, evaluates each lane of it it is sent, and answers on the port. */
const { signal, port } = workerData as { signal: Int32Array; port: MessagePort };
let lane: LaneEvaluator | undefined;

port.on('message', (message: HelperMessage) => {
  if ('plan' in message) lane = new LaneEvaluator(message.plan, undefined);
  else if ('done' in message) lane = undefined;
  else answer(message.work);
});
Atomics.store(signal, READY, 1);

function answer(work: LaneWork): void {
  let reply: HelperReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    if (!lane) throw new Error('work before its plan');
    const outcomes = lane.run(work, () => performance.now());
    // Each outcome's arrays are the thread's own and not used again, so they move rather than copy.
    for (const o of outcomes) for (const a of [o.list, o.schedule.start, o.schedule.finish, o.schedule.team]) transfer.add(a.buffer as ArrayBuffer);
    reply = { outcomes };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
    transfer.clear();
  }
  port.postMessage(reply, [...transfer]);
  Atomics.add(signal, ANSWERS, 1);
  Atomics.notify(signal, ANSWERS);
}
