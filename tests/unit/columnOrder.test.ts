import { describe, expect, it } from 'vitest';
import { orderByVotes, votesOrderColumns } from '../../client/columnOrder';

const notes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('column order by votes', () => {
  it('puts the most voted first and keeps ties in their normal order', () => {
    const counts = new Map([
      ['c', 3],
      ['b', 1],
      ['d', 1],
    ]);
    expect(orderByVotes(notes, counts).map((n) => n.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('leaves the order alone without votes, and does not change its input', () => {
    const input = [...notes];
    expect(orderByVotes(input, new Map()).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(input).toEqual(notes);
  });

  it('orders by votes once they can be seen: closed, or open with counts shown', () => {
    expect(votesOrderColumns({ voteState: 'closed', hideVoteCounts: true })).toBe(true);
    expect(votesOrderColumns({ voteState: 'open', hideVoteCounts: false })).toBe(true);
    expect(votesOrderColumns({ voteState: 'open', hideVoteCounts: true })).toBe(false);
    expect(votesOrderColumns({ voteState: 'off', hideVoteCounts: false })).toBe(false);
    expect(votesOrderColumns(undefined)).toBe(false);
  });
});
