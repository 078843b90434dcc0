import { describe, expect, it } from 'vitest';
import { decodeMessage, decodeRevocation, encodeMessage, encodeRevocation, MessageKind } from '../../server/scale/wire';

describe('scale wire', () => {
  it('round-trips a bus message and refuses trailing bytes or an unknown kind', () => {
    const m = { instanceId: 'inst', link: 3, counter: 7, kind: MessageKind.Update, payload: new Uint8Array([1, 2, 3]) };
    const bytes = encodeMessage(m);
    expect(decodeMessage(bytes)).toEqual(m);
    expect(() => decodeMessage(new Uint8Array([...bytes, 0]))).toThrow();
    expect(() => decodeMessage(encodeMessage({ ...m, kind: 9 as MessageKind }))).toThrow();
  });

  it('round-trips both kinds of revocation and refuses anything else', () => {
    const token = { kind: 'token', wallId: 'w1', tokenHash: 'ab'.repeat(32) } as const;
    const wall = { kind: 'wall', wallId: 'w2' } as const;
    expect(decodeRevocation(encodeRevocation('a', token))).toEqual({ from: 'a', revocation: token });
    expect(decodeRevocation(encodeRevocation('b', wall))).toEqual({ from: 'b', revocation: wall });
    for (const bad of ['', 'null', '{"from":"a","kind":"token","wallId":"w"}', '{"from":"a","kind":"room","wallId":"w"}', '{"from":"a","kind":"wall","wallId":"w","extra":1}']) {
      expect(() => decodeRevocation(bad)).toThrow();
    }
  });
});
