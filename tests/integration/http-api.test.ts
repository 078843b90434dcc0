import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { DB_FILE } from '../../server/storage/sqliteStore';
import { EXPORT_FORMAT } from '../../shared/protocol';
import { ApiError, WallExport, WallInfo } from '../../shared/schemas';
import { addNotes, connectClient, createWall, startServer, waitFor, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${server.url}/api/walls`, { method: 'POST', headers, body });

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = ApiError.parse(await res.json());
  if (code) expect(body.error).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
}

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/walls', () => {
  it('creates a wall: 201, id, three links with the token as fragment, tokens of 192 bits', async () => {
    const res = await post(JSON.stringify({ title: '  Kehittämispaja  ', language: 'sv', template: 'blank' }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['id', 'links', 'tokens']);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const tokens = Object.values(body.tokens) as string[];
    expect(new Set(tokens).size).toBe(3);
    for (const role of ['facilitator', 'participant', 'viewer']) {
      const token = body.tokens[role] as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(body.links[role]).toBe(`${server.url}/w/${body.id}#${token}`);
    }
    const info = WallInfo.parse(await (await get(`/api/walls/${body.id}`, body.tokens.participant)).json());
    expect(info).toEqual({ id: body.id, title: 'Kehittämispaja', role: 'participant', language: 'sv', groupId: null, deleteAt: null });
  });

  it('starts a wall with groups named in its language: three for four-workshops (default), one for blank', async () => {
    const exported = async (body: object) => {
      const { id, tokens } = await createWall(server.url, body);
      return WallExport.parse(await (await get(`/api/walls/${id}/export.json`, tokens.viewer)).json());
    };
    expect((await exported({ language: 'en' })).groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect((await exported({ template: 'four-workshops' })).groups.map((g) => g.name)).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3']);
    expect((await exported({ template: 'blank', language: 'sv' })).groups.map((g) => g.name)).toEqual(['Grupp 1']);
  });

  it('stores only hashes of the tokens', async () => {
    const { id, tokens } = await createWall(server.url);
    const db = new Database(join(server.dataDir, DB_FILE), { readonly: true });
    const row = db.prepare('SELECT * FROM walls WHERE id = ?').get(id) as Record<string, unknown>;
    db.close();
    const dump = JSON.stringify(row);
    for (const token of Object.values(tokens)) {
      expect(dump).not.toContain(token);
      expect(dump).toContain(hashToken(token));
    }
  });

  it('uses PUBLIC_URL for links when set', async () => {
    const other = await startServer({ publicUrl: 'https://seina.example.fi' });
    try {
      const { id, links, tokens } = await createWall(other.url);
      expect(links.viewer).toBe(`https://seina.example.fi/w/${id}#${tokens.viewer}`);
    } finally {
      await other.close();
    }
  });

  it('refuses malformed JSON with 400 JSON', async () => {
    await expectError(await post('{"title": '), 400, 'invalid_json');
  });

  it('refuses bad bodies with 400', async () => {
    await expectError(await post(JSON.stringify({ title: 'x'.repeat(201) })), 400, 'bad_request');
    await expectError(await post(JSON.stringify({ title: '   ' })), 400, 'bad_request');
    await expectError(await post(JSON.stringify({})), 400, 'bad_request');
    await expectError(await post(JSON.stringify({ title: 'ok', language: 'de' })), 400, 'bad_request');
    await expectError(await post(JSON.stringify({ title: 'ok', template: 'nope' })), 400, 'bad_request');
    await expectError(await post(JSON.stringify({ title: 'ok', extra: 1 })), 400, 'bad_request');
    await expectError(await post(JSON.stringify(['title'])), 400, 'bad_request');
    // A 200-character title is still fine.
    expect((await post(JSON.stringify({ title: 'x'.repeat(200) }))).status).toBe(201);
  });

  it('refuses an oversized body with 413 JSON', async () => {
    await expectError(await post(JSON.stringify({ title: 'x'.repeat(64 * 1024) })), 413, 'payload_too_large');
  });
});

describe('GET /api/walls/:id', () => {
  it('tells each token its role', async () => {
    const { id, tokens } = await createWall(server.url, { title: 'Roolit', language: 'en' });
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const res = await get(`/api/walls/${id}`, tokens[role]);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id, title: 'Roolit', role, language: 'en', groupId: null, deleteAt: null });
    }
  });

  it('401 for a missing or wrong token, 404 for an unknown or malformed id', async () => {
    const { id, tokens } = await createWall(server.url);
    const other = await createWall(server.url);
    await expectError(await get(`/api/walls/${id}`), 401, 'unauthorized');
    await expectError(await get(`/api/walls/${id}`, 'A'.repeat(32)), 401, 'unauthorized');
    await expectError(await get(`/api/walls/${id}`, other.tokens.facilitator), 401, 'unauthorized');
    await expectError(await get(`/api/walls/${'A'.repeat(22)}`, tokens.facilitator), 404, 'not_found');
    await expectError(await get(`/api/walls/${'A'.repeat(22)}`), 404, 'not_found');
    await expectError(await get('/api/walls/..%2F..', tokens.facilitator), 404, 'not_found');
    await expectError(await get('/api/walls/short', tokens.facilitator), 404, 'not_found');
  });
});

describe('GET /api/walls/:id/export.json', () => {
  it('exports groups and notes in the documented format to any role', async () => {
    const { id, tokens } = await createWall(server.url, { title: 'Vienti', language: 'fi' });
    const client = connectClient(server.url, id, tokens.participant);
    await client.synced;
    const [g1, g2] = client.wall.groups();
    addNotes(client, 2, 'eka');
    client.wall.addNote({ groupId: g2!.id, text: 'toka', color: 'blue', authorName: 'Aino', authorId: 'x' });
    await waitFor(async () => {
      const res = await get(`/api/walls/${id}/export.json`, tokens.viewer);
      return ((await res.json()) as WallExport).notes.length === 3;
    });
    client.destroy();

    const res = await get(`/api/walls/${id}/export.json`, tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/);
    const data = WallExport.parse(await res.json());
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(Date.parse(data.exportedAt)).not.toBeNaN();
    expect(data.wall).toMatchObject({ id, title: 'Vienti', language: 'fi' });
    expect(Date.parse(data.wall.createdAt)).not.toBeNaN();
    expect(data.groups.map((g) => [g.name, g.position])).toEqual([
      ['Ryhmä 1', 0],
      ['Ryhmä 2', 1],
      ['Ryhmä 3', 2],
    ]);
    expect(data.notes.map((n) => [n.text, n.groupId, n.position])).toEqual([
      ['eka 0', g1!.id, 0],
      ['eka 1', g1!.id, 1],
      ['toka', g2!.id, 0],
    ]);
    expect(data.notes[2]).toMatchObject({ color: 'blue', authorName: 'Aino' });
    expect(Date.parse(data.notes[0]!.createdAt)).not.toBeNaN();

    await expectError(await get(`/api/walls/${id}/export.json`), 401);
    await expectError(await get(`/api/walls/${'B'.repeat(22)}/export.json`, tokens.viewer), 404);
  });
});

describe('everything else', () => {
  it('unknown routes are 404 JSON', async () => {
    await expectError(await get('/api/nope'), 404, 'not_found');
    await expectError(await fetch(`${server.url}/api/walls/x`, { method: 'DELETE' }), 404);
  });

  it('sends the security headers', async () => {
    const res = await get('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
