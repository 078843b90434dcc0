import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinCodeResponse, RotateTokenResponse } from '../../shared/schemas';
import { JoinCodes } from '../../server/joinCodes';
import { apiRequest } from '../helpers/api';
import { createWall, startServer, type TestServer } from '../helpers/server';

const HOUR = 60 * 60 * 1000;
// The server's codes run on this clock, so expiry is tested without waiting 12 hours.
let now = Date.parse('2026-03-02T09:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, { joinCodes: new JoinCodes({ now: () => now }) });
});
afterAll(() => server.close());

const send = (method: string, path: string, token?: string, body?: unknown) => apiRequest(server.url, method, path, token, body);
const open = (code: string) => fetch(`${server.url}/j/${code}`, { redirect: 'manual', headers: { 'accept-language': 'en' } });

async function issue(wallId: string, facilitator: string, participantToken: string) {
  const res = await send('POST', `/api/walls/${wallId}/join-code`, facilitator, { participantToken });
  expect(res.status).toBe(200);
  return JoinCodeResponse.parse(await res.json());
}

describe('short join codes', () => {
  it('a facilitator gets a short unambiguous code that redirects to the participant link, token in the fragment', async () => {
    const wall = await createWall(server.url);
    const { code, expiresAt } = await issue(wall.id, wall.tokens.facilitator, wall.tokens.participant);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
    expect(Date.parse(expiresAt) - now).toBe(12 * HOUR);
    const res = await open(code);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/w/${wall.id}#${wall.tokens.participant}`);
    // The code is read off a screen: lower case and a missing dash still work.
    const typed = await open(code.replace('-', '').toLowerCase());
    expect(typed.headers.get('location')).toBe(`/w/${wall.id}#${wall.tokens.participant}`);
    // Asking again (a reloaded projector) keeps the same code.
    expect((await issue(wall.id, wall.tokens.facilitator, wall.tokens.participant)).code).toBe(code);
  });

  it('only the facilitator may make one, and only for the wall’s own participant link', async () => {
    const wall = await createWall(server.url);
    const other = await createWall(server.url);
    const path = `/api/walls/${wall.id}/join-code`;
    const body = { participantToken: wall.tokens.participant };
    expect((await send('POST', path, undefined, body)).status).toBe(401);
    expect((await send('POST', path, wall.tokens.participant, body)).status).toBe(403);
    expect((await send('POST', path, wall.tokens.viewer, body)).status).toBe(403);
    expect((await send('POST', path, other.tokens.facilitator, body)).status).toBe(401);
    // A wrong participant token: another wall's, the viewer's, or garbage.
    expect((await send('POST', path, wall.tokens.facilitator, { participantToken: other.tokens.participant })).status).toBe(422);
    expect((await send('POST', path, wall.tokens.facilitator, { participantToken: wall.tokens.viewer })).status).toBe(422);
    expect((await send('POST', path, wall.tokens.facilitator, { participantToken: 'x' })).status).toBe(400);
    expect((await send('POST', path, wall.tokens.facilitator, { ...body, extra: 1 })).status).toBe(400);
  });

  it('an unknown, malformed or expired code is a 404 page that says what to do', async () => {
    const wall = await createWall(server.url);
    const { code } = await issue(wall.id, wall.tokens.facilitator, wall.tokens.participant);
    for (const bad of ['ZZZ-ZZZ', 'O0O-1I1', 'not-a-code-at-all']) {
      const res = await open(bad);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('Address not found');
      expect(html).toContain('ask the facilitator for a new link');
    }
    now += 12 * HOUR - 1;
    expect((await open(code)).status).toBe(302);
    now += 1;
    expect((await open(code)).status).toBe(404);
  });

  it('a code stops working when the participant link is replaced', async () => {
    const wall = await createWall(server.url);
    const { code } = await issue(wall.id, wall.tokens.facilitator, wall.tokens.participant);
    const rotated = await send('POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'participant' });
    const { token } = RotateTokenResponse.parse(await rotated.json());
    expect((await open(code)).status).toBe(404);
    const fresh = await issue(wall.id, wall.tokens.facilitator, token);
    expect((await open(fresh.code)).headers.get('location')).toBe(`/w/${wall.id}#${token}`);
  });
});

describe('guessing codes', () => {
  it('wrong guesses count as failures: past the limit even a right code gets 429', async () => {
    const guarded = await startServer({ authFailuresPerWindow: 3 });
    try {
      const wall = await createWall(guarded.url);
      const res = await apiRequest(guarded.url, 'POST', `/api/walls/${wall.id}/join-code`, wall.tokens.facilitator, {
        participantToken: wall.tokens.participant,
      });
      const { code } = JoinCodeResponse.parse(await res.json());
      for (const guess of ['AAA-AAA', 'BBB-BBB', 'CCC-CCC']) expect((await fetch(`${guarded.url}/j/${guess}`, { redirect: 'manual' })).status).toBe(404);
      expect((await fetch(`${guarded.url}/j/${code}`, { redirect: 'manual' })).status).toBe(429);
    } finally {
      await guarded.close();
    }
  });
});

describe('JoinCodes', () => {
  it('holds at most maxCodes, forgetting the oldest first', () => {
    const codes = new JoinCodes({ maxCodes: 2 });
    const a = codes.issue({ wallId: 'a', participantToken: 't' });
    const b = codes.issue({ wallId: 'b', participantToken: 't' });
    const c = codes.issue({ wallId: 'c', participantToken: 't' });
    expect(codes.size).toBe(2);
    expect(codes.resolve(a.code)).toBeUndefined();
    expect(codes.resolve(b.code)?.wallId).toBe('b');
    expect(codes.resolve(c.code)?.wallId).toBe('c');
  });
});
