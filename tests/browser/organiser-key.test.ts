/**
 * A server with ORGANISER_KEY set: the home page asks for the key when creating a wall is
 * refused, says so plainly when the key is wrong, and keeps the key for this tab only.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../helpers/browserSuite';
import { axeViolations } from '../helpers/wallPage';

const KEY = 'työpajojen-järjestäjä-2026';
const suite = useBrowserSuite({ organiserKey: KEY });

describe('the organiser key', () => {
  it('is asked for, checked, and remembered only in sessionStorage', async () => {
    const page = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
    await page.goto(suite.server.url);
    await page.getByLabel('Seinän nimi').fill('Avaimella');
    await page.getByRole('button', { name: 'Luo seinä' }).click();
    await page.getByRole('alert').getByText('Kirjoita järjestäjän avain ja yritä uudelleen.').waitFor();
    const key = page.getByLabel('Järjestäjän avain');
    expect(await key.getAttribute('type')).toBe('password');
    expect(await axeViolations(page)).toEqual([]);

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
