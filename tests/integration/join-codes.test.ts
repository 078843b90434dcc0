import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinCodeResponse, RotateTokenResponse } from '../../shared/schemas';
import { hashToken } from '../../server/auth/tokens';
import { JoinCodes } from '../../server/joinCodes';
import { MemoryStore } from '../../server/storage/memoryStore';
import { apiRequest } from '../helpers/api';
import { createWall, removeDir, startServer, tempDir, type TestServer } from '../helpers/server';
import { makeRecord } from '../unit/storage.contract';

const HOUR = 60 * 60 * 1000;
// The server's codes run on this clock, so expiry is tested without waiting 12 hours.
let now = Date.parse('2026-03-02T09:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, { joinCodeClock: () => now });
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

  it('the not-found page offers to type the code again, shown as typed; the form tidies it into the address', async () => {
    const res = await open(encodeURIComponent('k7q"><b>x'));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<form class="plain-form" action="/j" method="get">');
    expect(html).toContain('Type the short address again');
    // What was typed comes back in the field, escaped, never as markup.
    expect(html).toContain('value="k7q&quot;&gt;&lt;b&gt;x"');
    expect(html).not.toContain('<b>x');
    expect(html).toContain('<link rel="stylesheet" href="/plain-page.css">');
    // Finnish unless the browser asks for another of the wall languages.
    expect(await (await fetch(`${server.url}/j/ZZZ-ZZZ`, { redirect: 'manual' })).text()).toContain('Kirjoita lyhyt osoite uudelleen');

    const wall = await createWall(server.url);
    const { code } = await issue(wall.id, wall.tokens.facilitator, wall.tokens.participant);
    const retype = (typed: string) => fetch(`${server.url}/j?code=${encodeURIComponent(typed)}`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
    // Lower case, no dash, spaces around: the same code.
    const again = await retype(` ${code.replace('-', '').toLowerCase()} `);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe(`/j/${code}`);
    expect((await open(code)).headers.get('location')).toBe(`/w/${wall.id}#${wall.tokens.participant}`);
    // Not a code at all: the page again, with the text to correct.
    const bad = await retype('hello');
    expect(bad.status).toBe(404);
    expect(await bad.text()).toContain('value="hello"');
    const empty = await fetch(`${server.url}/j`, { redirect: 'manual' });
    expect(empty.status).toBe(404);
    expect(await empty.text()).toContain('value=""');
  });

  it('the plain page’s stylesheet is served from the client build', async () => {
    const res = await fetch(`${server.url}/plain-page.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/css');
    expect(await res.text()).toContain('.plain-form');
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

describe('codes are stored', () => {
  it('a code survives a restart of the server (SQLite)', async () => {
    const dataDir = tempDir();
    try {
      const first = await startServer({ dataDir });
      const wall = await createWall(first.url);
      const res = await apiRequest(first.url, 'POST', `/api/walls/${wall.id}/join-code`, wall.tokens.facilitator, {
        participantToken: wall.tokens.participant,
      });
      const { code } = JoinCodeResponse.parse(await res.json());
      await first.close();
      const second = await startServer({ dataDir });
      try {
        const opened = await fetch(`${second.url}/j/${code}`, { redirect: 'manual' });
        expect(opened.status).toBe(302);
        expect(opened.headers.get('location')).toBe(`/w/${wall.id}#${wall.tokens.participant}`);
      } finally {
        await second.close();
      }
    } finally {
      removeDir(dataDir);
    }
  });
});

describe('JoinCodes', () => {
  async function withWall() {
    const store = new MemoryStore();
    const record = makeRecord();
    await store.createWall(record, new Uint8Array([0, 0]));
    return { store, wallId: record.id, codes: new JoinCodes(store) };
  }

  it('keeps one code per wall: a new participant link gets a new code and the old code stops resolving', async () => {
    const { codes, wallId } = await withWall();
    const old = await codes.issue({ wallId, participantToken: 'vanha-linkki-'.padEnd(32, 'x') });
    const fresh = await codes.issue({ wallId, participantToken: 'uusi-linkki-'.padEnd(32, 'y') });
    expect(fresh.code).not.toBe(old.code);
    expect(await codes.resolve(old.code)).toBeUndefined();
    expect((await codes.resolve(fresh.code))?.participantToken).toBe('uusi-linkki-'.padEnd(32, 'y'));
  });

  it('stores neither the code nor the participant token in readable form', async () => {
    const { codes, store, wallId } = await withWall();
    const participantToken = 'salainen-osallistujalinkki-123456';
    const { code } = await codes.issue({ wallId, participantToken });
    const stored = await store.joinCodeFor(wallId, hashToken(participantToken), Date.now());
    expect(stored).toBeDefined();
    const bytes = Buffer.from(JSON.stringify({ ...stored, sealedToken: [...stored!.sealedToken], sealedCode: [...stored!.sealedCode] }));
    const raw = Buffer.concat([bytes, Buffer.from(stored!.sealedToken), Buffer.from(stored!.sealedCode)]);
    for (const secret of [participantToken, code, code.replace('-', '')]) expect(raw.includes(Buffer.from(secret))).toBe(false);
    // And yet the code opens it.
    expect(await codes.resolve(code)).toEqual({ wallId, participantToken });
  });
});
