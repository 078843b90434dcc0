/**
 * export.json, export.md, export.csv and POST /api/walls/import against a real server: each
 * export is parsed back and compared with the wall that was built; export → import → export
 * keeps the content; a bad import is refused and creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateWallResponse, WallExport } from '../../shared/schemas';
import { csvField } from '../../server/exports/csv';
import { unescapeMarkdown } from '../../server/exports/markdown';
import { MemoryStore } from '../../server/storage/memoryStore';
import { apiRequest } from '../helpers/api';
import { connectClient, createWall, startServer, waitFor, type TestServer } from '../helpers/server';

/** Counts the walls the server creates, so a refused import can be shown to create nothing. */
class CountingStore extends MemoryStore {
  created = 0;
  override async createWall(...args: Parameters<MemoryStore['createWall']>): Promise<void> {
    this.created++;
    return super.createWall(...args);
  }
}

let server: TestServer;
const store = new CountingStore();
beforeAll(async () => {
  server = await startServer({}, { store });
});
afterAll(() => server.close());

const get = (path: string, token: string) => apiRequest(server.url, 'GET', path, token);

/** A wall with two workshops, a thread from a problem to an experiment, votes, mirror material, comments, a hidden note. */
async function builtWall() {
  const created = await createWall(server.url, { title: 'Vienti "testi"', language: 'fi', template: 'four-workshops' });
  const client = connectClient(server.url, created.id, created.tokens.facilitator);
  await client.synced;
  const wall = client.wall;
  const [g1, g2] = wall.groups();
  const [w1, , , w4] = wall.process.workshops();
  const t1 = wall.process.tasksIn(w1!.id)[0]!;
  const t4 = wall.process.tasksIn(w4!.id)[0]!;
  wall.mirror.add({ taskId: t1.id, kind: 'quote', text: 'Asiakas: "odotin kolme viikkoa"' });
  wall.mirror.add({ taskId: t1.id, kind: 'link', text: 'Video', url: 'https://example.org/v' });
  const problem = wall.addNote({ groupId: g1!.id, taskId: t1.id, text: 'Jonot ovat pitkiä, *todella*', color: 'pink', authorName: 'Aino', authorId: 'dev-aino', authorRole: 'client' })!;
  const multi = wall.addNote({ groupId: g2!.id, taskId: t1.id, text: 'Rivi 1\nRivi 2, "lainaus"; =SUM(A1)', color: 'blue', authorName: null, authorId: null })!;
  const hidden = wall.addNote({ groupId: g2!.id, taskId: t1.id, text: 'Piilotettu', color: 'yellow', authorName: 'Eero', authorId: 'dev-eero' })!;
  wall.setHidden(hidden, true);
  wall.setChosen(problem, true);
  wall.process.setVoting(t1.id, { state: 'open' });
  wall.votes.cast(t1.id, problem, 'dev-eero', 'professional');
  wall.votes.cast(t1.id, problem, 'dev-maija', 'manager');
  wall.votes.cast(t1.id, multi, 'dev-eero', 'professional');
  const experiment = wall.addNote({ groupId: g1!.id, taskId: t4.id, originId: problem, text: 'Soittoaika iltaisin', color: 'green', authorName: 'Maija', authorId: 'dev-maija', authorRole: 'manager' })!;
  wall.setExperimentField(experiment, 'owner', 'Maija');
  wall.setExperimentField(experiment, 'measure', 'Jonotusaika päivinä');
  wall.setExperimentField(experiment, 'baseline', '21');
  wall.setExperimentField(experiment, 'target', '7');
  wall.comments.add({ noteId: problem, text: 'Tunnistan tämän', authorName: 'Eero', authorId: 'dev-eero', authorRole: 'professional' });
  wall.reactions.toggle(problem, 'recognise', 'dev-eero', 'professional');
  wall.followups.add('Kokeilu alkoi maaliskuussa', 'https://example.org/uutinen');
  wall.feedback.setOpen(true);
  wall.feedback.answer({ heard: 'partly', changed: 'yes', comment: 'Jonot lyhenivät', respondentId: 'dev-aino', respondentRole: 'client' });
  await waitFor(async () => (await exportJson(created.id, created.tokens.facilitator)).feedback?.length === 1, 10_000);
  client.destroy();
  return { created, g1: g1!, g2: g2!, t1, t4, problem, multi, hidden, experiment };
}

async function exportJson(id: string, token: string): Promise<WallExport> {
  const res = await get(`/api/walls/${id}/export.json`, token);
  expect(res.status).toBe(200);
  return WallExport.parse(await res.json());
}

/** The content of an export: without what a new wall changes (its id, the export time). */
function content(data: WallExport) {
  const { exportedAt: _e, wall, ...rest } = data;
  return { wall: { ...wall, id: undefined }, ...rest, votes: [...(rest.votes ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

describe('export.json', () => {
  it('holds the whole wall for the facilitator; hidden notes and roles only for the facilitator', async () => {
    const w = await builtWall();
    const data = await exportJson(w.created.id, w.created.tokens.facilitator);
    expect(data.workshops).toHaveLength(4);
    expect(data.workshops[0]!.phase).toBe('current-state');
    expect(data.workshops[0]!.tasks[0]).toMatchObject({ id: w.t1.id, voteState: 'open', votesPerPerson: 3, kind: 'notes' });
    const problem = data.notes.find((n) => n.id === w.problem)!;
    // Every role here has fewer than three people: the export says "other", like the report.
    expect(problem).toMatchObject({ text: 'Jonot ovat pitkiä, *todella*', chosen: true, votes: 2, authorRole: 'other', author: 'p1', color: 'pink' });
    const experiment = data.notes.find((n) => n.id === w.experiment)!;
    expect(experiment).toMatchObject({ originId: w.problem, experiment: { owner: 'Maija', measure: 'Jonotusaika päivinä', baseline: '21', target: '7' } });
    expect(data.notes.find((n) => n.id === w.hidden)).toMatchObject({ hidden: true });
    expect(data.notes.find((n) => n.id === w.multi)).toMatchObject({ author: null, authorName: null });
    expect(data.mirror!.map((m) => [m.kind, m.text, m.url])).toEqual([
      ['quote', 'Asiakas: "odotin kolme viikkoa"', undefined],
      ['link', 'Video', 'https://example.org/v'],
    ]);
    expect(data.votes).toHaveLength(3);
    expect(new Set(data.votes!.map((v) => v.voterRole))).toEqual(new Set(['other']));
    expect(data.comments!.map((c) => [c.noteId, c.text, c.authorRole])).toEqual([[w.problem, 'Tunnistan tämän', 'other']]);
    expect(data.reactions!.map((r) => [r.noteId, r.kind])).toEqual([[w.problem, 'recognise']]);
    expect(data.followups!.map((f) => [f.text, f.url])).toEqual([['Kokeilu alkoi maaliskuussa', 'https://example.org/uutinen']]);
    expect(data.feedback).toEqual([{ heard: 'partly', changed: 'yes', comment: 'Jonot lyhenivät', respondent: 'p1', respondentRole: 'other', createdAt: expect.any(String) }]);
    expect(data.control).toMatchObject({ feedbackOpen: true, frozen: false });
    // The same person is the same pseudonym everywhere, and no device id leaves the server.
    const eero = data.comments![0]!.author;
    expect(data.reactions![0]!.reactor).toBe(eero);
    expect(JSON.stringify(data)).not.toMatch(/dev-/);

    const viewer = await exportJson(w.created.id, w.created.tokens.viewer);
    expect(viewer.notes.map((n) => n.id)).not.toContain(w.hidden);
    expect(viewer.notes).toHaveLength(data.notes.length - 1);
    expect(JSON.stringify(viewer)).not.toMatch(/Role"/);
  });

  it('export → import → export keeps the content', async () => {
    const w = await builtWall();
    const first = await exportJson(w.created.id, w.created.tokens.facilitator);
    const res = await apiRequest(server.url, 'POST', '/api/walls/import', undefined, first);
    expect(res.status).toBe(201);
    const imported = CreateWallResponse.parse(await res.json());
    expect(imported.id).not.toBe(w.created.id);
    expect(imported.tokens.facilitator).not.toBe(w.created.tokens.facilitator);
    expect(imported.links.viewer).toContain(imported.id);
    const second = await exportJson(imported.id, imported.tokens.facilitator);
    expect(content(second)).toEqual(content(first));
    // The imported wall is a live wall: the participant link works on its socket.
    const client = connectClient(server.url, imported.id, imported.tokens.participant);
    await client.synced;
    expect(client.wall.originsOf(w.experiment).map((n) => n.id)).toEqual([w.problem]);
    client.destroy();
  });

  it('refuses an unknown format, an invalid body or a broken reference, and creates nothing', async () => {
    const w = await builtWall();
    const good = await exportJson(w.created.id, w.created.tokens.facilitator);
    const before = store.created;
    const bad: unknown[] = [
      { ...good, format: 'pajaseina/99' },
      { ...good, format: undefined },
      { ...good, notes: [{ ...good.notes[0]!, color: 'black' }] },
      { ...good, notes: [{ ...good.notes[0]!, groupId: 'no-such-group' }] },
      { ...good, votes: [{ ...good.votes![0]!, noteId: 'no-such-note' }] },
      { ...good, mirror: [{ ...good.mirror![1]!, url: 'javascript:alert(1)' }] },
      { ...good, wall: { ...good.wall, title: '' } },
      [],
      'pajaseina',
    ];
    for (const body of bad) {
      const res = await apiRequest(server.url, 'POST', '/api/walls/import', undefined, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const error = (await res.json()) as { error: string; message: string };
      expect(error.message.length).toBeGreaterThan(3);
    }
    const notJson = await fetch(`${server.url}/api/walls/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":' });
    expect(notJson.status).toBe(400);
    expect(store.created).toBe(before);
  });

  it('import obeys the organiser key', async () => {
    const keyed = await startServer({ organiserKey: 'avain-joka-on-tarpeeksi-pitka' });
    try {
      const made = await createWallWithKey(keyed.url, 'avain-joka-on-tarpeeksi-pitka');
      const data = WallExport.parse(await (await apiRequest(keyed.url, 'GET', `/api/walls/${made.id}/export.json`, made.tokens.facilitator)).json());
      expect((await apiRequest(keyed.url, 'POST', '/api/walls/import', undefined, data)).status).toBe(401);
      expect((await apiRequest(keyed.url, 'POST', '/api/walls/import', 'wrong-key-wrong-key', data)).status).toBe(401);
      expect((await apiRequest(keyed.url, 'POST', '/api/walls/import', 'avain-joka-on-tarpeeksi-pitka', data)).status).toBe(201);
    } finally {
      await keyed.close();
    }
  });
});

async function createWallWithKey(url: string, key: string) {
  const res = await apiRequest(url, 'POST', '/api/walls', key, { title: 'Avain' });
  expect(res.status).toBe(201);
  return CreateWallResponse.parse(await res.json());
}

/** A small Markdown reader: headings by level, and list items with their indent. */
function readMarkdown(md: string) {
  const lines = md.split('\n');
  const headings = lines.filter((l) => /^#{1,4} /.test(l)).map((l) => [l.indexOf(' '), unescapeMarkdown(l.slice(l.indexOf(' ') + 1))] as const);
  return { lines, headings };
}

describe('export.md', () => {
  it('is the whole process: workshops, tasks, groups, notes with votes, choices, mirror material, experiments and the thread', async () => {
    const w = await builtWall();
    const res = await get(`/api/walls/${w.created.id}/export.md`, w.created.tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/);
    const md = await res.text();
    const { lines, headings } = readMarkdown(md);
    const data = await exportJson(w.created.id, w.created.tokens.facilitator);
    expect(headings[0]).toEqual([1, 'Vienti "testi"']);
    // Every workshop (##) and task (###) in order.
    expect(headings.filter(([level]) => level === 2).map(([, t]) => t)).toEqual([...data.workshops.map((x) => x.title), 'Ongelmasta kokeiluun', 'Mitä tapahtui työpajojen jälkeen']);
    expect(headings.filter(([level]) => level === 3).map(([, t]) => t)).toEqual(data.workshops.flatMap((x) => x.tasks.map((t) => t.title)));
    // The notes of the first task under their groups, text read back exactly (markup escaped).
    const item = (text: string) => lines.findIndex((l) => l.startsWith('- ') && unescapeMarkdown(l.slice(2)).startsWith(text));
    const problemLine = lines[item('Jonot ovat pitkiä, *todella*')]!;
    expect(problemLine).toContain('\\*todella\\*');
    expect(problemLine).toMatch(/_\(2 ääntä, valittu jatkoon, tunnistaa 1, Aino\)_$/);
    expect(item('Rivi 1')).toBeGreaterThan(lines.indexOf(`#### ${w.g2.name}`));
    expect(lines[item('Rivi 1') + 1]).toBe('  Rivi 2, "lainaus"; =SUM(A1) _(1 ääntä)_');
    expect(md).not.toContain('Piilotettu');
    expect(md).toContain('- Lainaus tai tarina: Asiakas: "odotin kolme viikkoa"');
    expect(md).toContain('- Linkki: Video <https://example.org/v>');
    // The experiment with its figures and where it came from.
    const exp = item('Soittoaika iltaisin');
    expect(lines.slice(exp + 1, exp + 6)).toEqual([
      '  - Jatkaa lappua: Jonot ovat pitkiä, \\*todella\\*',
      '  - Kuka vastaa: Maija',
      '  - Mitä mitataan: Jonotusaika päivinä',
      '  - Lähtötaso: 21',
      '  - Tavoite: 7',
    ]);
    const threads = lines.indexOf('## Ongelmasta kokeiluun');
    expect(unescapeMarkdown(lines[threads + 2]!)).toBe('- Jonot ovat pitkiä, *todella* → Soittoaika iltaisin');
    expect(md).toContain('Kokeilu alkoi maaliskuussa <https://example.org/uutinen>');
  });
});

/** RFC 4180 reader: quoted fields with doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('export.csv', () => {
  it('is one row per note, UTF-8 with a BOM, text/csv, quoted so that it reads back exactly', async () => {
    const w = await builtWall();
    const res = await get(`/api/walls/${w.created.id}/export.csv`, w.created.tokens.facilitator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = readCsv(text.slice(1));
    expect(header).toEqual(['Työpaja', 'Tehtävä', 'Ryhmä', 'Järjestys', 'Teksti', 'Väri', 'Kirjoittaja', 'Äänet', 'Valittu jatkoon', 'Jatkaa lappua', 'Kirjoitettu']);
    const data = await exportJson(w.created.id, w.created.tokens.facilitator);
    expect(rows).toHaveLength(data.notes.length);
    const byText = (t: string) => rows.find((r) => r[4] === t)!;
    const workshop1 = data.workshops[0]!;
    expect(byText('Jonot ovat pitkiä, *todella*').slice(0, 10)).toEqual([workshop1.title, w.t1.title, w.g1.name, '1', 'Jonot ovat pitkiä, *todella*', 'Vaaleanpunainen', 'Aino', '2', 'kyllä', '']);
    // Quotes, commas and line breaks survive the quoting.
    expect(rows.find((r) => r[4]!.includes('Rivi 1'))![4]).toBe('Rivi 1\nRivi 2, "lainaus"; =SUM(A1)');
    expect(byText('Soittoaika iltaisin')[9]).toBe('Jonot ovat pitkiä, *todella*');
    expect(byText('Piilotettu')).toBeDefined();
    const viewerCsv = await (await get(`/api/walls/${w.created.id}/export.csv`, w.created.tokens.viewer)).text();
    expect(viewerCsv).not.toContain('Piilotettu');
  });
});

describe('report.txt', () => {
  it('is the plain-text participation summary, for the facilitator only', async () => {
    const w = await builtWall();
    for (const token of [w.created.tokens.participant, w.created.tokens.viewer]) {
      expect((await get(`/api/walls/${w.created.id}/report.txt`, token)).status).toBe(403);
    }
    const res = await get(`/api/walls/${w.created.id}/report.txt`, w.created.tokens.facilitator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    const text = await res.text();
    expect(text.split('\n')[0]).toBe('Miten asiakkaat osallistuivat mallin kehittämiseen');
    // One client, one professional, one manager: every role is under three people, so all are merged.
    expect(text).toContain('Alle kolmen hengen roolit on yhdistetty ryhmään Muu');
    expect(text).toContain('Asiakkaiden osuutta ei eritellä');
  });
});

describe('CSV quoting', () => {
  it('quotes every field, doubles quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(12)).toBe('"12"');
    for (const formula of ['=SUM(A1)', '+1', '-1+2', '@cmd']) expect(csvField(formula)).toBe(`"'${formula}"`);
    expect(readCsv(`${csvField('rivi\r\n"2"')},${csvField('x')}\r\n`)).toEqual([['rivi\r\n"2"', 'x']]);
  });
});
