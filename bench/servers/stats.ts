/**
 * Runs inside each benchmarked server's child process, so CPU, RSS and event-loop delay are the
 * server's own and not the bench clients'. The parent asks over IPC: `reset` starts a
 * measurement window, `stats` reads it (after a full GC when asked, for memory figures).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapCodeStatistics, getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { compactionChannel, firstSyncChannel, roomLoadChannel, type CompactionTiming, type FirstSyncTiming, type RoomLoadTiming } from '../../server/rooms/roomTimings';

export interface ServerStats {
  cpuMs: number;
  wallMs: number;
  rss: number;
  heapUsed: number;
  /** Of heapUsed, V8's code spaces: machine code the JIT compiled (no data of any wall or client). */
  codeBytes: number;
  /**
   * Machine code and bytecode with their metadata (getHeapCodeStatistics; read after a GC only,
   * it walks the heap). Bytecode, its constant pools and source position tables live in old
   * space, so heapUsed less codeBytes still holds them, and V8 flushes and recompiles bytecode as
   * functions age over GCs. Leaving it out moved the memory slopes by at most 0.5 KiB per wall.
   */
  programBytes?: number;
  /** Event-loop delay over the window, ms. */
  eldP50: number;
  eldP99: number;
  eldMax: number;
  /** Ours only (server/rooms/roomTimings.ts), over the window: each room load, first sync and compaction. */
  roomLoads?: RoomLoadTiming[];
  firstSyncs?: FirstSyncTiming[];
  compactions?: CompactionTiming[];
}

type Request = { id: number; type: 'reset' } | { id: number; type: 'stats'; gc?: boolean } | { id: number; type: 'heapSnapshot'; path: string } | { id: number; type: 'exit' };

export function serveStats(ready: { port: number }): void {
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();
  const timings = { roomLoads: [] as RoomLoadTiming[], firstSyncs: [] as FirstSyncTiming[], compactions: [] as CompactionTiming[] };
  // Our server publishes its own load times (nothing when no one subscribes); the references publish nothing.
  // From the first reset on: the memory scenario never resets, so while it measures the heap no
  // room keeps timing state per connection and no timings pile up here.
  let subscribed = false;
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    roomLoadChannel.subscribe((m) => void timings.roomLoads.push(m as RoomLoadTiming));
    firstSyncChannel.subscribe((m) => void timings.firstSyncs.push(m as FirstSyncTiming));
    compactionChannel.subscribe((m) => void timings.compactions.push(m as CompactionTiming));
  };
  process.on('message', async (req: Request) => {
    if (req.type === 'reset') {
      subscribe();
      eld.reset();
      cpu = process.cpuUsage();
      since = performance.now();
      for (const list of Object.values(timings)) list.length = 0;
      process.send!({ id: req.id });
      return;
    }
    if (req.type === 'exit') {
      // A normal exit, so that node writes what flags such as --cpu-prof collected (a kill would not).
      process.exit(0);
    }
    if (req.type === 'heapSnapshot') {
      // For profiling by hand (where the memory per wall or per connection goes).
      global.gc?.();
      process.send!({ id: req.id, path: writeHeapSnapshot(req.path) });
      return;
    }
    if (req.gc && global.gc) {
      // Several passes with pauses: Yjs and ws free in stages (weak refs, finalizers).
      for (let i = 0; i < 4; i++) {
        global.gc();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    // Before memoryUsage: walking the heap makes V8 finish sweeping first, so heapUsed no longer
    // counts the dead objects on pages its sweeper threads have not reached (on a busy machine).
    const program = req.gc ? programBytes() : undefined;
    const used = process.cpuUsage(cpu);
    const mem = process.memoryUsage();
    const stats: ServerStats = {
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - since,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      codeBytes: getHeapSpaceStatistics()
        .filter((space) => space.space_name.startsWith('code_'))
        .reduce((sum, space) => sum + space.space_used_size, 0),
      programBytes: program,
      eldP50: eld.percentile(50) / 1e6,
      eldP99: eld.percentile(99) / 1e6,
      eldMax: eld.max / 1e6,
      roomLoads: [...timings.roomLoads],
      firstSyncs: [...timings.firstSyncs],
      compactions: [...timings.compactions],
    };
    process.send!({ id: req.id, stats });
  });
  process.send!({ type: 'ready', port: ready.port });
}

function programBytes(): number {
  const code = getHeapCodeStatistics();
  return code.code_and_metadata_size + code.bytecode_and_metadata_size;
}
