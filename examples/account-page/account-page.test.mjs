// The example app's end-to-end test, written as a host's CI would write it: a fresh Authing emulator for
// the run, the page's calls to its Authing app host routed to it, a signed-in user, and a person's
// steps through the widget: type the number, send a code, read it on the phone, type it.
//
// node:test and playwright-core with the system's Chromium (nothing to download). With @playwright/test
// the steps are the same inside test(), and startAuthingEmulator() goes in a fixture.
//
//   node --test examples/account-page/      after `npm run build`; CHROMIUM_BIN=/path/to/chromium
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startAuthingEmulator } from 'authing-phone-manager/testing';
import { startAccountPage } from './server.mjs';
// Your CI's Chromium switches (this repo's: --no-sandbox, --disable-gpu, no background networking, ...).
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const APP_HOST = 'https://example-app.authing.cn'; // what the page's widget talks to
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT = 15000;

describe('example app: account settings page', () => {
  /** @type {import('authing-phone-manager/testing').AuthingTestEmulator} */
  let authing;
  /** @type {Awaited<ReturnType<typeof startAccountPage>>} */
  let app;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];

  before(async () => {
    app = await startAccountPage();
    // Like the pool's 安全域 (CORS) list in Authing's console: the app's origin, and no other.
    authing = await startAuthingEmulator({ allowedOrigins: [app.url] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(TIMEOUT);
    await authing.route(context, APP_HOST);
    // The app's sign-in is not under test: start signed in, as the app's session would be.
    const accessToken = await authing.signIn({ userId: 'ann', username: 'ann', email: 'ann@example.com' });
    await context.addInitScript(
      (session) => localStorage.setItem('example-app.session', session),
      JSON.stringify({ name: 'Ann', accessToken }),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    await page.goto(app.url);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await authing?.close();
  });

  const widget = () => page.locator('authing-phone-manager');
  const notice = () => page.getByRole('status').filter({ hasText: 'sign-in phone' });

  it('adds a phone number, even when send-sms answers after the SMS arrived', async () => {
    // The SMS can reach the phone before the page has send-sms's answer (a slow network), and the code
    // field stays read-only until the answer: hold it back half a second. Keys pressed as soon as the SMS
    // is read would go nowhere; typeCode() waits until the field takes them.
    await page.route(`${APP_HOST}/api/v3/send-sms`, async (route) => {
      const response = await route.fetch({ url: `${authing.url}/api/v3/send-sms`, maxRedirects: 0 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fulfill({ response });
    });
    await widget().getByLabel('Phone number', { exact: true }).fill('13800135555');
    await widget().getByRole('button', { name: 'Send code' }).click();
    await authing.phone('13800135555').typeCode(page); // six digits submit themselves
    await page.unroute(`${APP_HOST}/api/v3/send-sms`);
    await notice().filter({ hasText: 'Your sign-in phone is now +86 13800135555.' }).waitFor();
    await widget().getByText('Phone number added.').waitFor();
    assert.equal((await authing.client.user('ann')).phone, '13800135555');
  });

  it('changes it: a code to the current number, then one to the new number', async () => {
    await widget().getByRole('button', { name: 'Change' }).click();
    await widget().getByRole('button', { name: 'Send code' }).click();
    await authing.phone('13800135555').typeCode(page);
    await widget().getByLabel('New phone number').fill('13800136666');
    await widget().getByRole('button', { name: 'Send code' }).click();
    await authing.phone('13800136666').typeCode(page);
    await notice().filter({ hasText: 'Your sign-in phone is now +86 13800136666.' }).waitFor();
    const ann = await authing.client.user('ann');
    assert.deepEqual([ann.phoneCountryCode, ann.phone, ann.phoneVerified], ['+86', '13800136666', true]);
  });

  it('went through the app host, from the page, with no error', async () => {
    const requests = await authing.client.requests();
    assert.deepEqual(
      requests.filter((r) => r.path !== '/api/v3/get-profile').map((r) => [r.path, r.statusCode]),
      [
        ['/api/v2/applications/example-app/public-config', 200], // the page's app-id: the pool's settings, once
        ['/api/v3/send-sms', 200],
        ['/api/v3/bind-phone', 200],
        ['/api/v3/send-sms', 200],
        ['/api/v3/send-sms', 200],
        ['/api/v3/verify-update-phone-request', 200],
        ['/api/v3/update-phone', 200],
      ],
    );
    assert.ok(
      requests.every((r) => r.origin === app.url && r.appId === 'example-app'),
      'CORS requests from the page, with its app id',
    );
    assert.deepEqual(problems, []);
  });

  it('tells the user when Authing cannot be reached (a fault injected in the emulator)', async () => {
    await authing.client.fault({ path: '/api/v3/send-sms', kind: 'drop' });
    await widget().getByRole('button', { name: 'Remove' }).click();
    await widget().getByRole('button', { name: 'Send code' }).click();
    await widget().getByText('Couldn’t reach the account service. Please try again later.').waitFor();
    const last = (await authing.client.requests()).at(-1);
    assert.deepEqual([last?.path, last?.statusCode, last?.fault], ['/api/v3/send-sms', 0, 'drop']);
    assert.equal((await authing.phone('13800136666').messages()).length, 1, "no SMS went out (the one there is the change's)");
  });
});
