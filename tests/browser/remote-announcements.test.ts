/**
 * Other people's changes reach a screen-reader user as one polite summary per burst: page A posts
 * three notes quickly, and page B's live region says "3 uutta lappua ryhmässä Ryhmä 2" once; edits,
 * moves and deletions are summarised the same way ("Ryhmä 2: 2 lappua muokattu ja 1 lappu
 * siirretty"). Notes already on the wall when B opens it, B's own notes, and changes in a task the
 * page does not show are not announced. The review page does the same for new comments,
 * reactions and notes ("2 uutta kommenttia").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, type TestClient } from '../helpers/server';
import { addNote, expectStatus, joinAsParticipant, noteByText, screenLink } from '../helpers/wallPage';
import { announced, recordAnnouncements } from '../helpers/announcements';

const suite = useBrowserSuite();

let contexts: BrowserContext[];
let aino: Page;
let pekka: Page;
let participantLink: string;
let facilitator: TestClient | undefined;

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Ilmoitukset' });
  participantLink = wall.links.participant;
  contexts = [await suite.chromium.newContext(), await suite.chromium.newContext()];
  for (const c of contexts) await recordAnnouncements(c);
  aino = await contexts[0]!.newPage();
  pekka = await contexts[1]!.newPage();
  await joinAsParticipant(aino, wall.links.participant, 'Aino', 'Ryhmä 2');
  // Already on the wall before Pekka opens it: part of the initial load, not news.
  await addNote(aino, 'Vanha lappu ennen Pekkaa');
  await joinAsParticipant(pekka, wall.links.participant, 'Pekka', 'Ryhmä 1');
  await expectStatus(aino, 'online');
  await expectStatus(pekka, 'online');
  await noteByText(pekka, 'Vanha lappu ennen Pekkaa').waitFor();
});

afterAll(async () => {
  facilitator?.destroy();
});

describe("other people's new notes are announced as a summary", () => {
  it('the initial load is not announced', async () => {
    await pekka.waitForTimeout(2_500);
    expect((await announced(pekka)).filter((t) => /uu(si|tta) lappu/i.test(t))).toEqual([]);
  });

  it('three quick notes in one group: one summary, once', async () => {
    const before = (await announced(pekka)).length;
    await addNote(aino, 'Ensimmäinen uusi lappu');
    await addNote(aino, 'Toinen uusi lappu');
    await addNote(aino, 'Kolmas uusi lappu');
    const region = pekka.getByRole('status', { name: 'Ilmoitukset' });
    await expect.poll(() => region.textContent(), { timeout: 8_000 }).toBe('3 uutta lappua ryhmässä Ryhmä 2');
    // Wait past another summary interval: nothing more is announced for the same notes.
    await pekka.waitForTimeout(2_500);
    expect((await announced(pekka)).slice(before)).toEqual(['3 uutta lappua ryhmässä Ryhmä 2']);
  });

  it("one's own notes are not announced as new to oneself", async () => {
    const before = (await announced(aino)).length;
    await addNote(pekka, 'Pekan lappu ryhmään 1');
    await noteByText(aino, 'Pekan lappu ryhmään 1').waitFor();
    await addNote(aino, 'Ainon lappu ryhmään 2');
    const region = aino.getByRole('status', { name: 'Ilmoitukset' });
    await expect.poll(() => region.textContent(), { timeout: 8_000 }).toBe('Uusi lappu ryhmässä Ryhmä 1');
    const pekkaBefore = (await announced(pekka)).length;
    await pekka.waitForTimeout(2_500);
    // Pekka heard his own note as "added" (the form's message), and Aino's one note as news.
    const pekkaHeard = (await announced(pekka)).slice(pekkaBefore);
    expect(pekkaHeard.filter((t) => /Ryhmä 1/.test(t) && /uusi|uutta/i.test(t))).toEqual([]);
    expect((await announced(aino)).slice(before).filter((t) => /uusi|uutta/i.test(t))).toEqual(['Uusi lappu ryhmässä Ryhmä 1']);
  });

  it('notes in several groups: one total for the wall', async () => {
    const context = await suite.chromium.newContext();
    contexts.push(context);
    await recordAnnouncements(context);
    const liisa = await context.newPage();
    // A third participant in a third group: neither new note is hers. (Viewers get the review
    // view, which has its own summaries: see the last describe block.)
    await joinAsParticipant(liisa, participantLink, 'Liisa', 'Ryhmä 3');
    await noteByText(liisa, 'Ainon lappu ryhmään 2').waitFor();
    await expectStatus(liisa, 'online');
    await addNote(aino, 'Ainon toinen lappu');
    await addNote(pekka, 'Pekan toinen lappu');
    const region = liisa.getByRole('status', { name: 'Ilmoitukset' });
    await expect.poll(() => region.textContent(), { timeout: 8_000 }).toBe('2 uutta lappua seinällä');
    // The recorder samples every 20 ms: poll it too, then make sure nothing else followed.
    await expect.poll(() => announced(liisa), { timeout: 2_000 }).toEqual(['2 uutta lappua seinällä']);
    await liisa.waitForTimeout(2_500);
    expect(await announced(liisa)).toEqual(['2 uutta lappua seinällä']);
  });
});

describe("other people's edits, moves and deletions are announced as a summary", () => {
  let reader: Page;
  let client: TestClient;
  const ids: Record<string, string> = {};

  /** The live region's texts on the reader's page since `from`, once nothing new came for a summary interval. */
  async function heardSince(from: number): Promise<string[]> {
    await reader.waitForTimeout(2_500);
    return (await announced(reader)).slice(from);
  }

  beforeAll(async () => {
    const wall = await createWall(suite.server.url, { title: 'Muutokset' });
    client = facilitator = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
    await client.synced;
    const [g1, g2] = client.wall.groups();
    for (const [key, groupId] of [['a', g2!.id], ['b', g2!.id], ['c', g2!.id], ['d', g1!.id], ['e', g1!.id]] as const) {
      ids[key] = client.wall.addNote({ groupId, text: `Lappu ${key}`, color: 'yellow', authorName: 'Ohjaaja', authorId: 'f' })!;
    }
    const context = await suite.chromium.newContext();
    contexts.push(context);
    await recordAnnouncements(context);
    reader = await context.newPage();
    await joinAsParticipant(reader, wall.links.participant, 'Lukija', 'Ryhmä 1');
    await noteByText(reader, 'Lappu e').waitFor();
    await expectStatus(reader, 'online');
  });

  it('two edits and a move in one group: one sentence naming the group', async () => {
    const from = (await announced(reader)).length;
    const g2 = client.wall.groups()[1]!.id;
    client.wall.updateNoteText(ids.a!, 'Lappu a, korjattu');
    client.wall.setNoteColor(ids.b!, 'blue');
    client.wall.moveNote(ids.c!, g2, 0);
    const region = reader.getByRole('status', { name: 'Ilmoitukset' });
    await expect.poll(() => region.textContent(), { timeout: 8_000 }).toBe('Ryhmä 2: 2 lappua muokattu ja 1 lappu siirretty');
    expect(await heardSince(from)).toEqual(['Ryhmä 2: 2 lappua muokattu ja 1 lappu siirretty']);
  });

  it('a single deletion is said in words', async () => {
    const from = (await announced(reader)).length;
    client.wall.deleteNote(ids.d!);
    await noteByText(reader, 'Lappu d').waitFor({ state: 'detached' });
    await expect.poll(async () => (await announced(reader)).slice(from), { timeout: 8_000 }).toEqual(['Lappu poistettiin ryhmästä Ryhmä 1']);
    expect(await heardSince(from)).toEqual(['Lappu poistettiin ryhmästä Ryhmä 1']);
  });

  it('changes in several groups: one total for the wall', async () => {
    const from = (await announced(reader)).length;
    const [g1, g2] = client.wall.groups();
    client.wall.moveNote(ids.a!, g1!.id, 0);
    client.wall.addNote({ groupId: g2!.id, text: 'Lappu f', color: 'yellow', authorName: 'Ohjaaja', authorId: 'f' });
    client.wall.updateNoteText(ids.e!, 'Lappu e, korjattu');
    await expect
      .poll(async () => (await announced(reader)).slice(from), { timeout: 8_000 })
      .toEqual(['Seinällä: 1 uusi lappu, 1 lappu muokattu ja 1 lappu siirretty']);
    expect(await heardSince(from)).toEqual(['Seinällä: 1 uusi lappu, 1 lappu muokattu ja 1 lappu siirretty']);
  });

  it('changes in a task the page does not show are not announced', async () => {
    const from = (await announced(reader)).length;
    const workshopId = client.wall.process.workshops()[0]!.id;
    const other = client.wall.process.addTask(workshopId, 'Toinen tehtävä')!;
    const g2 = client.wall.groups()[1]!.id;
    const hidden = client.wall.addNote({ groupId: g2, taskId: other, text: 'Muualla', color: 'yellow', authorName: null, authorId: 'f' })!;
    client.wall.updateNoteText(hidden, 'Muualla, korjattu');
    expect(await heardSince(from)).toEqual([]);
    // One socket delivers updates in order: once this note shows, the other task's changes have
    // certainly arrived too, and still nothing but this note is told.
    client.wall.addNote({ groupId: g2, text: 'Lappu g', color: 'yellow', authorName: 'Ohjaaja', authorId: 'f' });
    await noteByText(reader, 'Lappu g').waitFor();
    await expect.poll(async () => (await announced(reader)).slice(from), { timeout: 8_000 }).toEqual(['Uusi lappu ryhmässä Ryhmä 2']);
  });
});

describe("on the review page, other people's comments, reactions and notes are announced as a summary", () => {
  let reader: Page;
  let writer: Page;
  let client: TestClient;
  let task: string;
  let note: string;

  async function heardSince(page: Page, from: number): Promise<string[]> {
    await page.waitForTimeout(2_500);
    return (await announced(page)).slice(from);
  }

  beforeAll(async () => {
    const wall = await createWall(suite.server.url, { title: 'Katselu' });
    client = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
    await client.synced;
    task = client.wall.process.firstTaskId()!;
    note = client.wall.addNote({ groupId: client.wall.groups()[0]!.id, taskId: task, text: 'Jonot ovat pitkiä', color: 'yellow', authorName: null, authorId: null })!;
    client.wall.comments.add({ noteId: note, text: 'Vanha kommentti', authorName: null, authorId: null });
    client.wall.control.setReviewFeedback(true);
    for (const link of [wall.links.viewer, screenLink(wall.links.participant, 'review')]) {
      const context = await suite.chromium.newContext();
      contexts.push(context);
      await recordAnnouncements(context);
      const page = await context.newPage();
      await page.goto(link);
      await page.getByText('Vanha kommentti').waitFor();
      await expectStatus(page, 'online');
      if (link === wall.links.viewer) reader = page;
      else writer = page;
    }
  });

  afterAll(() => client?.destroy());

  it('what was there when the page opened is not announced', async () => {
    expect((await heardSince(reader, 0)).filter((t) => /uu(si|tta)/.test(t))).toEqual([]);
  });

  it('two quick comments: one summary, once', async () => {
    const from = (await announced(reader)).length;
    client.wall.comments.add({ noteId: note, text: 'Ensimmäinen', authorName: null, authorId: null });
    client.wall.comments.add({ noteId: note, text: 'Toinen', authorName: null, authorId: null });
    const region = reader.getByRole('status', { name: 'Ilmoitukset' });
    await expect.poll(() => region.textContent(), { timeout: 8_000 }).toBe('2 uutta kommenttia');
    expect(await heardSince(reader, from)).toEqual(['2 uutta kommenttia']);
  });

  it('a new note and a reaction together: one sentence', async () => {
    const from = (await announced(reader)).length;
    client.wall.addNote({ groupId: client.wall.groups()[1]!.id, taskId: task, text: 'Uusi lappu katselussa', color: 'blue', authorName: null, authorId: null });
    client.wall.reactions.toggle(note, 'recognise', 'someone');
    await expect.poll(async () => (await announced(reader)).slice(from), { timeout: 8_000 }).toEqual(['1 uusi lappu ja 1 uusi reaktio']);
    expect(await heardSince(reader, from)).toEqual(['1 uusi lappu ja 1 uusi reaktio']);
  });

  it("one's own comment is told as sent, and to others as news", async () => {
    const readerFrom = (await announced(reader)).length;
    const writerFrom = (await announced(writer)).length;
    const card = writer.getByTestId('review-note').filter({ hasText: 'Jonot ovat pitkiä' });
    await card.getByRole('textbox', { name: 'Kommentoi lappua' }).fill('Oma kommentti');
    await card.getByRole('button', { name: 'Lähetä kommentti' }).click();
    await expect.poll(async () => (await announced(reader)).slice(readerFrom), { timeout: 8_000 }).toEqual(['1 uusi kommentti']);
    expect(await heardSince(writer, writerFrom)).toEqual(['Kommentti lähetetty.']);
  });

  it('news in a task the review does not show is not announced', async () => {
    const from = (await announced(reader)).length;
    const other = client.wall.process.tasks().find((t) => t.id !== task)!.id;
    const elsewhere = client.wall.addNote({ groupId: client.wall.groups()[0]!.id, taskId: other, text: 'Muualla', color: 'yellow', authorName: null, authorId: null })!;
    client.wall.comments.add({ noteId: elsewhere, text: 'Muualla kommentti', authorName: null, authorId: null });
    // One socket delivers updates in order: once this comment shows, the others have arrived too.
    client.wall.comments.add({ noteId: note, text: 'Tässä tehtävässä', authorName: null, authorId: null });
    await reader.getByText('Tässä tehtävässä').waitFor();
    await expect.poll(async () => (await announced(reader)).slice(from), { timeout: 8_000 }).toEqual(['1 uusi kommentti']);
    expect(await heardSince(reader, from)).toEqual(['1 uusi kommentti']);
  });
});
