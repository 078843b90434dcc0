/**
 * The four-workshop process in the wall, in Chromium with a real server: task navigation,
 * mirror material, carrying chosen notes forward, experiment cards, the facilitator's
 * workshop editor (deleting a task and a whole workshop, with undo), moderation, and an axe check of the facilitator's view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { noteAction } from '../helpers/noteActions';
import { connectClient, createWall, waitFor, type TestClient } from '../helpers/server';
import { addNote, axeViolations, column, joinAsParticipant, noteByText } from '../helpers/wallPage';

const UI = { timeout: 15_000 };

const suite = useBrowserSuite();
let facilitator: Page;
let aino: Page;
/** The facilitator's live controls are another screen's; a Yjs client as facilitator stands in. */
let organiser: TestClient;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Työpajat ja tehtävät' });
const taskHeading = (page: Page) => page.locator('#task-title');

async function openTask(page: Page, title: string): Promise<void> {
  await nav(page).getByRole('button', { name: title }).click();
  await expect.poll(() => taskHeading(page).textContent(), UI).toBe(title);
}

const mirror = (page: Page): Locator => page.locator('section.mirror');

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Suun terveys' });
  facilitator = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  aino = await (await suite.chromium.newContext()).newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor(UI);
  await joinAsParticipant(aino, wall.links.participant, 'Aino', 'Ryhmä 1');
});

afterAll(async () => {
  organiser?.destroy();
});

describe('the process in the wall', () => {
  it('opens on the current task; a note added in task 2 shows only there; one click goes back', async () => {
    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Asiakkaan polku');
    await expect.poll(() => aino.locator('.task-panel__label').textContent(), UI).toContain('Mitä teemme nyt');
    await openTask(aino, 'Missä kohdin palvelu ei toimi?');
    await expect.poll(() => aino.locator('.task-panel__label').textContent(), UI).toContain('Katselet toista tehtävää');
    await addNote(aino, 'Jonotus puhelimessa kestää liian kauan');

    // The facilitator is still on task 1: the note is not there.
    await openTask(facilitator, 'Missä kohdin palvelu ei toimi?');
    await column(facilitator, 'Ryhmä 1').locator('article', { hasText: 'Jonotus puhelimessa' }).waitFor(UI);
    await openTask(facilitator, 'Asiakkaan polku');
    expect(await noteByText(facilitator, 'Jonotus puhelimessa').count()).toBe(0);

    await aino.getByRole('button', { name: 'Takaisin sinne, missä muut ovat' }).click();
    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Asiakkaan polku');
    expect(await noteByText(aino, 'Jonotus puhelimessa').count()).toBe(0);
  });

  it('mirror material added by the facilitator shows on the participant page, apart from the notes', async () => {
    const band = mirror(facilitator);
    await band.getByRole('button', { name: 'Lisää peiliaineistoa' }).click();
    await band.getByLabel('Laji').selectOption({ label: 'Asiakaspalaute' });
    await band.getByLabel('Teksti', { exact: true }).fill('En tiennyt, että raskausaikana kuuluu käydä hammashoidossa.');
    await band.getByLabel(/Linkki/).fill('https://example.org/palaute');
    await band.getByRole('button', { name: 'Lisää aineisto' }).click();

    const seen = mirror(aino).locator('li', { hasText: 'En tiennyt' });
    await seen.waitFor(UI);
    expect(await seen.textContent()).toContain('Asiakaspalaute');
    const link = seen.getByRole('link');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toBe('https://example.org/palaute');
    // Not a note: no card in any group's column.
    expect(await noteByText(aino, 'En tiennyt').count()).toBe(0);

    // Removed, then undone.
    await mirror(facilitator).getByRole('button', { name: 'Poista' }).click();
    await seen.waitFor({ state: 'detached', ...UI });
    await facilitator.getByRole('button', { name: 'Kumoa' }).click();
    await seen.waitFor(UI);
  });

  it('a chosen note of workshop 1 is a starting point in workshop 2, and the thread links both ways', async () => {
    await openTask(aino, 'Missä kohdin palvelu ei toimi?');
    const problem = noteByText(aino, 'Jonotus puhelimessa');
    await noteAction(problem, 'Valitse jatkoon');
    await expect.poll(() => problem.textContent(), UI).toContain('Valittu jatkoon');

    await openTask(aino, 'Miksi ongelmat syntyvät?');
    const points = aino.getByRole('region', { name: 'Lähtökohdat edellisestä pajasta' });
    await points.getByText('Jonotus puhelimessa kestää liian kauan').waitFor(UI);
    await points.getByRole('button', { name: 'Kirjoita tästä' }).click();
    await aino.getByText('Uusi lappu jatkaa lappua: Jonotus puhelimessa').waitFor(UI);
    await addNote(aino, 'Ajan voi varata vain puhelimella');

    // Back from the cause to the problem…
    const cause = noteByText(aino, 'Ajan voi varata vain puhelimella');
    await cause.getByRole('link', { name: /Jatkaa lappua: Jonotus puhelimessa/ }).click();
    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Missä kohdin palvelu ei toimi?');
    await expect.poll(() => aino.evaluate(() => document.activeElement?.textContent ?? ''), UI).toContain('Jonotus puhelimessa');
    expect(await problem.textContent()).toContain('Jatkettu 1 lapussa');

    // …and forward again.
    await problem.getByRole('link', { name: 'Ajan voi varata vain puhelimella' }).click();
    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Miksi ongelmat syntyvät?');
    await expect.poll(() => aino.evaluate(() => document.activeElement?.textContent ?? ''), UI).toContain('Ajan voi varata');
  });

  it("an experiment card's fields round-trip between two pages", async () => {
    await openTask(aino, 'Mitä kokeilemme?');
    await addNote(aino, 'Neuvola ohjaa ensisynnyttäjät suun terveydenhuoltoon');
    const card = noteByText(aino, 'Neuvola ohjaa');
    await card.getByRole('button', { name: 'Muokkaa kokeilun tietoja' }).click();
    await card.getByLabel('Kuka vastaa').fill('Neuvolan terveydenhoitaja');
    await card.getByLabel('Mitä mitataan').fill('Lähetteiden osuus');
    await card.getByLabel('Lähtötaso').fill('12 %');
    await card.getByLabel('Tavoite').fill('50 %');
    await card.getByRole('button', { name: 'Tallenna' }).click();

    await openTask(facilitator, 'Mitä kokeilemme?');
    const theirs = noteByText(facilitator, 'Neuvola ohjaa');
    await expect.poll(() => theirs.textContent(), UI).toContain('Lähetteiden osuus: 12 % → tavoite 50 %');
    expect(await theirs.textContent()).toContain('Neuvolan terveydenhoitaja');
    await theirs.getByRole('button', { name: 'Muokkaa kokeilun tietoja' }).click();
    await theirs.getByLabel('Tulos').fill('48 %');
    await theirs.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => card.textContent(), UI).toContain('Lähetteiden osuus: 12 % → 48 %');
  });

  it('the facilitator renames, adds and deletes a task (with confirm and undo); the participant sees each', async () => {
    await facilitator.getByRole('button', { name: 'Muokkaa työpajoja' }).click();
    const editor = facilitator.getByRole('region', { name: 'Muokkaa työpajoja ja tehtäviä' });
    const firstWorkshop = editor.locator('[data-edit-workshop]').first();
    const rename = firstWorkshop.getByLabel('Tehtävän 1 nimi');
    await rename.fill('Asiakkaan polku vaihe vaiheelta');
    await rename.press('Enter');
    await nav(aino).getByRole('button', { name: 'Asiakkaan polku vaihe vaiheelta' }).waitFor(UI);

    // Reordered with a button, by keyboard; focus stays on the moved task's button.
    await firstWorkshop.getByRole('button', { name: 'Myöhemmäksi: Asiakkaan polku vaihe vaiheelta' }).focus();
    await facilitator.keyboard.press('Enter');
    const workshopTasks = (page: Page) => nav(page).locator('li.task-nav__workshop').first().locator('button .task-nav__title');
    await expect.poll(() => workshopTasks(aino).allTextContents(), UI).toEqual(['Missä kohdin palvelu ei toimi?', 'Asiakkaan polku vaihe vaiheelta']);
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), UI)
      .toMatch(/Asiakkaan polku vaihe vaiheelta/);
    await firstWorkshop.getByRole('button', { name: 'Aiemmaksi: Asiakkaan polku vaihe vaiheelta' }).click();
    await expect.poll(() => workshopTasks(aino).allTextContents(), UI).toEqual(['Asiakkaan polku vaihe vaiheelta', 'Missä kohdin palvelu ei toimi?']);

    await firstWorkshop.getByLabel('Uuden tehtävän nimi').fill('Mitä asiakkaat kertoivat');
    await firstWorkshop.getByRole('button', { name: 'Lisää tehtävä' }).click();
    await nav(aino).getByRole('button', { name: 'Mitä asiakkaat kertoivat' }).waitFor(UI);

    const task = firstWorkshop.locator('[data-edit-task]').nth(1);
    expect(await task.getByLabel('Tehtävän 2 nimi').inputValue()).toBe('Missä kohdin palvelu ei toimi?');
    await task.getByRole('button', { name: 'Poista tehtävä' }).click();
    const confirm = facilitator.getByRole('dialog', { name: 'Poistetaanko ”Missä kohdin palvelu ei toimi?”?' });
    await confirm.waitFor(UI);
    expect(await confirm.textContent()).toContain('Sen mukana poistuu 1 lappu.');
    await confirm.getByRole('button', { name: 'Poista tehtävä' }).click();
    await nav(aino).getByRole('button', { name: 'Missä kohdin palvelu ei toimi?' }).waitFor({ state: 'detached', ...UI });

    await facilitator.getByRole('button', { name: 'Kumoa' }).click();
    await nav(aino).getByRole('button', { name: 'Missä kohdin palvelu ei toimi?' }).waitFor(UI);
    await openTask(aino, 'Missä kohdin palvelu ei toimi?');
    await noteByText(aino, 'Jonotus puhelimessa').waitFor(UI);
    await facilitator.getByRole('button', { name: 'Valmis' }).click();
  });

  it('the facilitator deletes a workshop with its task and notes after a confirmation; undo brings them all back', async () => {
    const workshopHeadings = (page: Page) => nav(page).locator('.task-nav__heading').allTextContents();
    expect(await workshopHeadings(aino)).toContain('4. Kokeilut');
    await facilitator.getByRole('button', { name: 'Muokkaa työpajoja' }).click();
    const editor = facilitator.getByRole('region', { name: 'Muokkaa työpajoja ja tehtäviä' });
    await editor.getByRole('button', { name: 'Poista työpaja: 4. Kokeilut' }).click();
    const confirm = facilitator.getByRole('dialog', { name: 'Poistetaanko ”4. Kokeilut”?' });
    await confirm.waitFor(UI);
    // The experiment card written in its one task goes with it.
    expect(await confirm.textContent()).toContain('Sen mukana poistuu 1 lappu.');
    // The editor and its confirmation, at every impact.
    expect(await axeViolations(facilitator)).toEqual([]);

    // Cancelling keeps everything.
    await confirm.getByRole('button', { name: 'Peruuta' }).click();
    await confirm.waitFor({ state: 'detached', ...UI });
    expect(await workshopHeadings(aino)).toContain('4. Kokeilut');

    await editor.getByRole('button', { name: 'Poista työpaja: 4. Kokeilut' }).click();
    await confirm.getByRole('button', { name: 'Poista työpaja' }).click();
    await expect.poll(() => workshopHeadings(aino), UI).not.toContain('4. Kokeilut');
    expect(await nav(aino).getByRole('button', { name: 'Mitä kokeilemme?' }).count()).toBe(0);
    expect(await editor.locator('[data-edit-workshop]').count()).toBe(3);

    await facilitator.getByRole('button', { name: 'Kumoa' }).click();
    await expect.poll(() => workshopHeadings(aino), UI).toContain('4. Kokeilut');
    // Back in its place, with its task and the card's fields.
    expect((await workshopHeadings(aino)).at(-1)).toBe('4. Kokeilut');
    await openTask(aino, 'Mitä kokeilemme?');
    await expect.poll(() => noteByText(aino, 'Neuvola ohjaa').textContent(), UI).toContain('Lähetteiden osuus: 12 % → 48 %');
    await facilitator.getByRole('button', { name: 'Valmis' }).click();
  });

  it("a note the facilitator hides disappears from the participant's page", async () => {
    await openTask(aino, 'Asiakkaan polku vaihe vaiheelta');
    await addNote(aino, 'Sain kutsun väärään osoitteeseen');
    await openTask(facilitator, 'Asiakkaan polku vaihe vaiheelta');
    const theirs = noteByText(facilitator, 'Sain kutsun');
    await theirs.waitFor(UI);
    await noteAction(theirs, 'Piilota');
    await noteByText(aino, 'Sain kutsun').waitFor({ state: 'detached', ...UI });
    // The facilitator still sees it, marked hidden in words.
    await expect.poll(() => theirs.textContent(), UI).toContain('Piilotettu');
  });

  it("axe finds no violations at all in the facilitator's wall view", async () => {
    expect(await axeViolations(facilitator)).toEqual([]);
  });
});

describe('task settings on a phone', () => {
  let pekka: Page;
  let taskIds: string[];

  beforeAll(async () => {
    const wall = await createWall(suite.server.url, { title: 'Puhelimella' });
    organiser = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
    await organiser.synced;
    taskIds = organiser.wall.process.tasks().map((t) => t.id);
    pekka = await (await suite.chromium.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await joinAsParticipant(pekka, wall.links.participant, 'Pekka', 'Ryhmä 2');
  });

  it('follows the facilitator to a new task, and picks another from the compact list', async () => {
    organiser.wall.control.setCurrentTask(taskIds[1]!);
    await expect.poll(() => taskHeading(pekka).textContent(), UI).toBe('Missä kohdin palvelu ei toimi?');
    expect(await pekka.locator('.task-panel__instructions').textContent()).toContain('Missä vaiheessa asiat jumittavat');

    await pekka.getByLabel('Tehtävä', { exact: true }).selectOption(taskIds[2]!);
    await expect.poll(() => taskHeading(pekka).textContent(), UI).toBe('Miksi ongelmat syntyvät?');
    await pekka.getByRole('button', { name: 'Takaisin sinne, missä muut ovat' }).click();
    await expect.poll(() => taskHeading(pekka).textContent(), UI).toBe('Missä kohdin palvelu ei toimi?');
  });

  it('a locked task says so in words and offers no writing to a participant', async () => {
    await addNote(pekka, 'Kirje tuli liian myöhään');
    // Lock only once the server has the note: a note that reaches it after the lock is a refused
    // write, and the server closes the page's connection for good (CloseCode.Forbidden).
    await waitFor(() => organiser.wall.notes().some((n) => n.text === 'Kirje tuli liian myöhään'), UI.timeout, 'the server to have the note');
    organiser.wall.process.setTaskLocked(taskIds[1]!, true);
    await pekka.locator('.task-panel').getByText('Tehtävä on lukittu.').waitFor(UI);
    // The open form keeps what was typed but cannot post it.
    await expect.poll(() => pekka.getByTestId('add-note-submit').isDisabled(), UI).toBe(true);
    // No delete, nor any other action: no buttons and no menu on the card.
    expect(await noteByText(pekka, 'Kirje tuli').getByRole('button').count()).toBe(0);
    organiser.wall.process.setTaskLocked(taskIds[1]!, false);
    await expect.poll(() => pekka.getByTestId('add-note-submit').isDisabled(), UI).toBe(false);
  });

  it("private writing shows only the participant's own group, and says it is a view setting", async () => {
    organiser.wall.addNote({ groupId: organiser.wall.groups()[0]!.id, taskId: taskIds[1]!, text: 'Ryhmän 1 ajatus', color: 'blue', authorName: null, authorId: null });
    await noteByText(pekka, 'Ryhmän 1 ajatus').waitFor(UI);
    organiser.wall.process.setPrivateWriting(taskIds[1]!, true);
    await noteByText(pekka, 'Ryhmän 1 ajatus').waitFor({ state: 'detached', ...UI });
    expect(await pekka.locator('main section[data-group-id] h2').allTextContents()).toEqual(['Ryhmä 2']);
    expect(await pekka.locator('.task-panel').textContent()).toContain('ne tulevat silti jokaisen laitteelle');
    await noteByText(pekka, 'Kirje tuli liian myöhään').waitFor(UI);
  });

  it('author names follow the facilitator\'s setting', async () => {
    const note = noteByText(pekka, 'Kirje tuli liian myöhään');
    await expect.poll(() => note.textContent(), UI).toContain('Pekka');
    organiser.wall.control.setShowAuthors(false);
    await expect.poll(() => note.textContent(), UI).not.toContain('Pekka');
    organiser.wall.control.setShowAuthors(true);
    await expect.poll(() => note.textContent(), UI).toContain('Pekka');
  });

  it('once the vote is closed, the most voted note comes first in its column', async () => {
    await addNote(pekka, 'Kukaan ei kertonut, mihin soittaa');
    const texts = () => column(pekka, 'Ryhmä 2').locator('article .note__text').allTextContents();
    await expect.poll(texts, UI).toEqual(['Kirje tuli liian myöhään', 'Kukaan ei kertonut, mihin soittaa']);
    const second = organiser.wall.notesInTask(taskIds[1]!).find((n) => n.text.startsWith('Kukaan'))!;
    organiser.wall.process.setVoting(taskIds[1]!, { state: 'open', hideVoteCounts: true });
    organiser.wall.votes.cast(taskIds[1]!, second.id, 'voter-1');
    organiser.wall.votes.cast(taskIds[1]!, second.id, 'voter-2');
    organiser.wall.process.setVoting(taskIds[1]!, { state: 'closed' });
    await expect.poll(texts, UI).toEqual(['Kukaan ei kertonut, mihin soittaa', 'Kirje tuli liian myöhään']);
  });
});
