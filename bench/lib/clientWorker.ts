/**
 * A worker thread holding one ClientGroup: the fan-out spreads its receiving clients over
 * several of these so that decoding 300 clients' updates is not one thread's queue.
 * Requests and replies are matched by id (see clientHosts.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { ClientGroup, type Target } from './clientGroup';

export type HostRequest =
  | { id: number; type: 'connect'; count: number; wire: boolean }
  | { id: number; type: 'write'; index: number; noteId: string; text: string }
  | { id: number; type: 'count' }
  | { id: number; type: 'take' }
  | { id: number; type: 'markWindow' }
  | { id: number; type: 'destroy' };

const group = new ClientGroup((workerData as { target: Target }).target);
let eluAtMark = performance.eventLoopUtilization();
process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener

parentPort!.on('message', async (req: HostRequest) => {
  const reply = (value: unknown) => parentPort!.postMessage({ id: req.id, value });
  try {
    switch (req.type) {
      case 'connect':
        return reply(await group.connect(req.count, { wire: req.wire }));
      case 'write':
        return reply(group.write(req.index, req.noteId, req.text));
      case 'count':
        return reply(group.arrived);
      case 'take':
        // How busy this thread's event loop was since markWindow (1 = saturated).
        return reply({ recorded: group.take(), utilization: performance.eventLoopUtilization(eluAtMark).utilization });
      case 'markWindow':
        eluAtMark = performance.eventLoopUtilization();
        return reply(null);
      case 'destroy':
        group.destroy();
        return reply(null);
    }
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: String((err as Error).stack ?? err) });
  }
});
