/**
 * PgStore's compaction merges in a worker thread (server/storage/mergeOffThread.ts): the worker
 * must really run under every loader (here vitest's, which cannot load TypeScript in a worker
 * by itself), and give the parts mergeInParts makes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateInParts } from '../../server/rooms/stateInParts';
import { mergeInParts } from '../../server/storage/mergeInParts';
import { OffThreadMerger } from '../../server/storage/mergeOffThread';
import { bigDoc, notesJson } from './storage.contract';

const merger = new OffThreadMerger();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
afterAll(() => merger.close());

describe('OffThreadMerger', () => {
  it('merges in the worker, into the parts mergeInParts makes', async () => {
    const doc = bigDoc();
    const other = new Y.Doc();
    other.getMap('notes').set('elsewhere', 'from another instance');
    const updates = [Y.encodeStateAsUpdate(doc), ...encodeStateInParts(doc), Y.encodeStateAsUpdate(other)];
    const parts = await merger.mergeInParts(updates);
    // The inline fallback would give one update.
    expect(parts.length).toBeGreaterThan(1);
    expect(parts).toEqual(mergeInParts(updates));
    expect(notesJson(parts)).toEqual({ ...doc.getMap('notes').toJSON(), elsewhere: 'from another instance' });
  });

  it('merges inline, as one update, when the worker cannot run', async () => {
    const broken = new OffThreadMerger();
    await broken.close(); // as after the worker failed: no new one is started
    const doc = bigDoc();
    const parts = await broken.mergeInParts(encodeStateInParts(doc));
    expect(parts).toHaveLength(1);
    expect(notesJson(parts)).toEqual(doc.getMap('notes').toJSON());
  });

  it('starts under `node --import tsx`, as npm start runs the server (tsx registered twice)', () => {
    const worker = new URL('../../server/storage/mergeWorker.mjs', import.meta.url).href;
    const script = join(mkdtempSync(join(tmpdir(), 'pajaseina-merge-')), 'main.mjs');
    writeFileSync(
      script,
      `import { Worker } from 'node:worker_threads';
      const worker = new Worker(new URL(${JSON.stringify(worker)}));
      worker.on('message', (m) => { console.log(JSON.stringify({ parts: m.parts?.length, error: m.error })); worker.terminate(); });
      worker.postMessage({ id: 1, updates: [new Uint8Array([0, 0])] });`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    rmSync(dirname(script), { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ parts: 1 });
  });
});
