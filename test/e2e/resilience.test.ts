import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';
import { expectCardScreenshot } from './support/card-screenshot';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('a provider that starts failing', () => {
  it('goes stale, then to error, and keeps its last-known windows visible throughout', async () => {
    const { page, context } = await openPage(rig, 'popover');
    const codex = card(page, 'codex');
    await meter(page, 'codex', 'weekly').waitFor();
    const refresh = page.getByTestId('refresh');

    rig.demo.script('codex', { status: 500, body: '<html>Internal Server Error</html>' });
    await refresh.click();
    await codex.locator('.badge-stale').waitFor({ timeout: 5000 });
    expect(await text(codex.getByTestId('badge'))).toBe('Stale');
    expect(await text(codex.getByTestId('updated'))).toMatch(/^updated (just now|\d+ s ago)$/);
    expect(await text(codex.locator('.problem-reason'))).toBe('The provider answered with an error (HTTP 500).');
    expect(await text(meter(page, 'codex', 'session').locator('.meter-value'))).toBe('37 % used');
    expect(await text(meter(page, 'codex', 'weekly').locator('.meter-value'))).toBe('62 % used');

    rig.demo.script('codex', { status: 401, body: { detail: 'token expired' } });
    await refresh.click();
    await codex.locator('.badge-error').waitFor({ timeout: 5000 });
    expect(await text(codex.locator('.problem-reason'))).toBe('The sign-in was rejected or has expired.');
    // The command is set as code, not shown between raw backticks.
    expect(await text(codex.locator('.problem-action'))).toBe('Run codex login in a terminal, then refresh.');
    expect(await codex.locator('.problem-action code').allTextContents()).toEqual(['codex login']);
    expect(await codex.getByRole('alert').count()).toBe(1);
    expect(await text(meter(page, 'codex', 'session').locator('.meter-value'))).toBe('37 % used');
    expect(await text(meter(page, 'codex', 'weekly').locator('.countdown'))).toMatch(/^resets in 3 d [45] h$/);

    // The other providers are untouched by one provider's trouble.
    expect(await text(card(page, 'claude').getByTestId('badge'))).toBe('OK');
    // The failing card itself (a whole-page picture of eight cards also depends on when the others last polled).
    await expectCardScreenshot(page, 'codex', { name: 'popover-error' });

    rig.demo.script('codex', 'demo');
    await refresh.click();
    await codex.locator('.badge-ok').waitFor({ timeout: 5000 });
    expect(await codex.locator('.problem').count()).toBe(0);
    await context.close();
  });

  it('offers the verification page when the provider asks the user to verify the account', async () => {
    const url = 'https://claude.example.com/verify?case=e2e';
    rig.demo.script('claude', {
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Verify your account to continue.',
          status: 'PERMISSION_DENIED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'VALIDATION_REQUIRED', metadata: { validation_url: url } }],
        },
      },
    });
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'claude', 'session').waitFor();
    await page.getByTestId('refresh').click();
    const claude = card(page, 'claude');
    const link = claude.getByRole('button', { name: /Verify account/ });
    await link.waitFor({ timeout: 5000 });
    expect(await text(claude.locator('.problem-reason'))).toBe('The account needs to be verified.');

    const popup = context.waitForEvent('page');
    await link.click();
    // The host accepted the link (only https passes its check) and the page opened it in a new tab.
    expect((await popup).url()).toBe(url);
    expect(rig.logs).toContain(`link opened: ${url}`);
    rig.demo.script('claude', 'demo');
    await context.close();
  });
});
