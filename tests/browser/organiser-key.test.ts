/**
 * A server with ORGANISER_KEY set: the home page asks for the key when creating a wall is
 * refused, says so plainly when the key is wrong, and keeps the key for this tab only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';
import { seriousViolations } from '../helpers/wallPage';

const KEY = 'työpajojen-järjestäjä-2026';
let server: TestServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  server = await startServer({ organiserKey: KEY });
  chromium = await launchBrowser();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the organiser key', () => {
  it('is asked for, checked, and remembered only in sessionStorage', async () => {
    const page = await (await chromium.newContext({ bypassCSP: true })).newPage();
    await page.goto(server.url);
    await page.getByLabel('Seinän nimi').fill('Avaimella');
    await page.getByRole('button', { name: 'Luo seinä' }).click();
    await page.getByRole('alert').getByText('Kirjoita järjestäjän avain ja yritä uudelleen.').waitFor();
    const key = page.getByLabel('Järjestäjän avain');
    expect(await key.getAttribute('type')).toBe('password');
    expect(await seriousViolations(page)).toEqual([]);

    await key.fill('väärä-avain-joka-on-pitkä');
    await page.getByRole('button', { name: 'Luo seinä' }).click();
    await page.getByRole('alert').getByText('Järjestäjän avain ei kelpaa.', { exact: false }).waitFor();

    await key.fill(KEY);
    await page.getByRole('button', { name: 'Luo seinä' }).click();
    await page.locator('input[data-link-role="participant"]').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('pajaseina:organiserKey'))).toBe(KEY);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(KEY);
  });
});
