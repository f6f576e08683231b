import tar from 'tar-stream';
import { ARTIFACT_NAMES } from './schemas/artifacts.js';

/** The five artifacts as parallel-execution/<name>, ready to unpack into an orchestrator's state folder. */
export async function stateArchive(artifacts: Record<string, unknown>, mtime: Date): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const name of ARTIFACT_NAMES) {
    pack.entry({ name: `parallel-execution/${name}`, mtime, mode: 0o644 }, `${JSON.stringify(artifacts[name], null, 2)}\n`);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
