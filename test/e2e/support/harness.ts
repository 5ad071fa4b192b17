// Shared e2e plumbing: a demo provider server, a preview host on a random port, and Debian's Chromium.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../demo/server';
import { startPreviewHost, type PreviewHost, type PreviewHostOptions } from '../../../preview/host';

const CHROMIUM_PATH = process.env.QUOTABAR_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface Rig {
  demo: DemoServer;
  host: PreviewHost;
  browser: Browser;
  /** Lines the host logged (link openings, bridge failures). */
  logs: string[];
  close(): Promise<void>;
}

/** A demo server, a preview host in demo mode over it, and a browser. */
export async function startRig(services?: PreviewHostOptions['services']): Promise<Rig> {
  const demo = await startDemoServer();
  const logs: string[] = [];
  const host = await startPreviewHost({ demo, build: 'never', services, log: (l) => logs.push(l) });
  const browser = await launchChromium();
  return {
    demo,
    host,
    browser,
    logs,
    async close() {
      await browser.close();
      await host.close();
      await demo.close();
    },
  };
}

// The viewport each page is tested at (tray-sized for the popover).
const VIEWPORT = { popover: { width: 360, height: 640 }, settings: { width: 520, height: 900 } } as const;

/** A page the size of its window; only loopback is reachable from it (the web is answered by a local stub). */
export async function openPage(
  rig: Rig,
  which: 'popover' | 'settings',
  opts: { colorScheme?: 'light' | 'dark'; /** Extra #fragment parameters, e.g. `heartbeatMs=200`. */ fragment?: string } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await rig.browser.newContext({
    viewport: VIEWPORT[which],
    colorScheme: opts.colorScheme ?? 'light',
    deviceScaleFactor: 2,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: 'outside pages are stubbed in tests' }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  // Uncaught exceptions and console errors (a CSP violation is one) fail the tests that check them.
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = which === 'popover' ? rig.host.popoverUrl : rig.host.settingsUrl;
  await page.goto(opts.fragment ? `${url}&${opts.fragment}` : url);
  return { page, context, errors };
}

/** The card of one provider. */
export function card(page: Page, providerId: string) {
  return page.locator(`article.card[data-provider="${providerId}"]`);
}

/** One window's meter inside a provider card. */
export function meter(page: Page, providerId: string, windowId: string) {
  return card(page, providerId).locator(`li.meter[data-window="${windowId}"]`);
}

/** An element's text with white space folded, as a user reads it. */
export async function text(l: { textContent(): Promise<string | null> }): Promise<string> {
  return (await l.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}
