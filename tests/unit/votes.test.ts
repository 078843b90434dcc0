import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Votes } from '../../shared/votes';

describe('Votes.used', () => {
  it("counts only the voter's valid votes in that task", () => {
    const doc = new Y.Doc();
    const votes = new Votes(doc.getMap('votes'));
    votes.cast('t1', 'n1', 'me');
    votes.cast('t1', 'n2', 'me');
    votes.cast('t1', 'n1', 'someone else');
    votes.cast('t2', 'n1', 'me');
    // A malformed entry that names the same task and voter: not a vote.
    const broken = new Y.Map<unknown>();
    votes.map.set('broken', broken);
    broken.set('taskId', 't1');
    broken.set('voterId', 'me');
    expect(votes.used('t1', 'me')).toBe(2);
    expect(votes.used('t2', 'me')).toBe(1);
    expect(votes.used('t1', 'someone else')).toBe(1);
    expect(votes.used('t3', 'me')).toBe(0);
    votes.retract('t1', 'n1', 'me');
    expect(votes.used('t1', 'me')).toBe(1);
  });
});
