// `electron . --smoke`: starts the real app on demo data, proves in real Electron what the unit
// tests can only show against the fake (tray, app:// pages, CSP header, preload bridge, IPC, blocked
// window.open and navigation, a demo poll), records memory, writes a JSON report and exits 0 or 1.
import { app, BrowserWindow, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { pageUrl, type Page } from '../app/pages';
import type { Shell } from './main';
import { reportLines, runSteps, smokeReportPath, summarizeMemory, writeSmokeReport, type RunStepsOptions, type SmokeStep } from '../app/smoke-report';

/** The whole run must finish within this; a step still running then is reported as hung. */
export const SMOKE_TIMEOUT_MS = 60_000;
/** One call into a page; a page that stops answering fails its check instead of hanging the run. */
const PAGE_CALL_MS = 10_000;
/** How long a refused window or navigation gets to show up anyway before we look. */
const SETTLE_MS = 500;
// A host that cannot resolve: if a block ever failed, nothing would leave the machine.
const OUTSIDE_URL = 'https://quotabar-smoke.invalid/';

export interface SmokeOptions {
  argv: readonly string[];
  cwd: string;
  /** Starts the app in demo mode (main.ts `run` with --demo). */
  start: () => Promise<Shell | null>;
  exit: (code: number) => void;
  log?: (line: string) => void;
  timeoutMs?: number;
  /** Tests replace the checks and the hard timer; a real run uses smokeSteps(start) and setTimeout. */
  steps?: SmokeStep[];
  startTimer?: RunStepsOptions['startTimer'];
}

export async function runSmoke(opts: SmokeOptions): Promise<number> {
  const startedAt = Date.now();
  const path = smokeReportPath(opts.argv, opts.cwd);
  const { checks, hung } = await runSteps(opts.steps ?? smokeSteps(opts.start), {
    timeoutMs: opts.timeoutMs ?? SMOKE_TIMEOUT_MS,
    ...(opts.startTimer ? { startTimer: opts.startTimer } : {}),
  });
  let memory = null;
  try {
    memory = summarizeMemory(app.getAppMetrics());
  } catch (e) {
    checks.push({ name: 'memory recorded', ok: false, detail: `app.getAppMetrics() failed: ${e instanceof Error ? e.message : String(e)}` });
  }
  const { code, report } = writeSmokeReport(path, {
    hung,
    electron: process.versions.electron ?? null,
    platform: process.platform,
    durationMs: Date.now() - startedAt,
    checks,
    memory,
  });
  for (const line of reportLines(report, path)) (opts.log ?? console.log)(line);
  opts.exit(code);
  return code;
}

/** The checks in order; each later one relies on what the earlier ones set up. */
export function smokeSteps(start: () => Promise<Shell | null>): SmokeStep[] {
  let shell: Shell | null = null;
  const pages: Partial<Record<Page, WebContents>> = {};
  const need = () => {
    if (!shell) throw new Error('the app did not start');
    return shell;
  };
  const page = (p: Page) => {
    const wc = pages[p];
    if (!wc || wc.isDestroyed()) throw new Error(`the ${p} page is not open`);
    return wc;
  };

  const perPage = (p: Page): SmokeStep[] => [
    { name: `CSP header reached the ${p} page`, run: () => cspCheck(page(p)) },
    { name: `preload bridge on the ${p} page`, run: () => bridgeCheck(page(p)) },
    { name: `window.open refused on the ${p} page`, run: () => windowOpenCheck(page(p)) },
  ];

  return [
    {
      name: 'app starts on demo data',
      critical: true,
      async run() {
        shell = await start();
        if (!shell) return { ok: false, detail: 'another Quotabar instance holds the single-instance lock; quit it and run again' };
        return shell.services.demo ? 'run() resolved with the demo provider server' : { ok: false, detail: 'the services are not in demo mode' };
      },
    },
    {
      name: 'demo providers polled',
      async run() {
        const view = await need().services.refresh(null);
        const states = view.snapshots.map((s) => `${s.providerId}: ${s.status}`);
        const ok = view.snapshots.length > 0 && view.snapshots.every((s) => s.status === 'ok');
        return { ok, detail: states.join(', ') || 'no providers' };
      },
    },
    {
      name: 'tray icon created',
      async run() {
        const { tray } = need();
        if (tray.tray.isDestroyed()) return { ok: false, detail: 'the tray icon was destroyed' };
        const { percent } = tray.model();
        return `tray exists; bounds ${JSON.stringify(tray.bounds())}; meter ${percent === null ? 'shows no figure' : `at ${percent} %`}`;
      },
    },
    {
      name: 'popover page loads from app://',
      critical: true,
      run: async () => {
        need().windows.showPopover(null);
        pages.popover = await loaded('popover');
        return pageUrl('popover');
      },
    },
    {
      name: 'settings page loads from app://',
      critical: true,
      run: async () => {
        need().windows.openSettings();
        pages.settings = await loaded('settings');
        return pageUrl('settings');
      },
    },
    ...perPage('popover'),
    ...perPage('settings'),
    { name: 'IPC round trip (view:get from the popover)', run: () => ipcCheck(page('popover'), need()) },
    // Navigation last: if a block ever failed, the page would be gone for the checks after it.
    { name: 'navigation blocked on the popover page', run: () => navigationCheck(page('popover'), pageUrl('popover')) },
    { name: 'navigation blocked on the settings page', run: () => navigationCheck(page('settings'), pageUrl('settings')) },
  ];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (under the hard timeout) until one of our windows has finished loading `page`. */
async function loaded(p: Page): Promise<WebContents> {
  const url = pageUrl(p);
  for (;;) {
    const wc = BrowserWindow.getAllWindows()
      .map((w) => w.webContents)
      .find((c) => c.getURL() === url && !c.isLoading());
    if (wc) return wc;
    await sleep(50);
  }
}

/** Runs `code` in the page's main world, failing after PAGE_CALL_MS instead of hanging. */
async function inPage<T>(wc: WebContents, code: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page did not answer within ${PAGE_CALL_MS / 1000} s`)), PAGE_CALL_MS);
  });
  try {
    return (await Promise.race([wc.executeJavaScript(code, true), late])) as T;
  } finally {
    clearTimeout(timer);
  }
}

// The pages also carry a looser <meta> policy (the browser preview needs it). Only the header's
// policy forbids a same-origin fetch (connect-src 'none') and reports itself verbatim in a violation.
export const CSP_PROBE = `new Promise((done) => {
  const policies = [];
  document.addEventListener('securitypolicyviolation', (e) => policies.push(e.originalPolicy));
  const s = document.createElement('script');
  s.textContent = 'window.__quotabarSmokeInline = true';
  document.head.appendChild(s);
  fetch(location.href).then(() => 'allowed', () => 'blocked').then((fetched) =>
    setTimeout(() => done({ policies, fetched, inlineRan: window.__quotabarSmokeInline === true }), 300));
})`;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface CspProbeResult {
  policies: string[];
  fetched: string;
  inlineRan: boolean;
}

/** Passes only when our header's policy was enforced, not merely the page's own meta policy. */
export function cspVerdict(r: CspProbeResult): { ok: boolean; detail: string } {
  const headerSeen = r.policies.some((p) => squash(p) === squash(CONTENT_SECURITY_POLICY));
  const ok = headerSeen && r.fetched === 'blocked' && !r.inlineRan;
  const detail = ok
    ? "the response's policy was enforced: inline script and same-origin fetch blocked, the violation names our header"
    : `header policy ${headerSeen ? 'seen' : 'NOT seen'} among ${r.policies.length} violation(s); same-origin fetch ${r.fetched}; inline script ${r.inlineRan ? 'RAN' : 'blocked'}`;
  return { ok, detail };
}

const cspCheck = async (wc: WebContents) => cspVerdict(await inPage<CspProbeResult>(wc, CSP_PROBE));

async function bridgeCheck(wc: WebContents) {
  const r = await inPage<{ keys: string[]; node: boolean }>(
    wc,
    `({ keys: typeof window.quotabar === 'object' && window.quotabar ? Object.keys(window.quotabar).sort() : [], node: typeof require !== 'undefined' || typeof process !== 'undefined' })`,
  );
  const ok = r.keys.join() === 'invoke,on' && !r.node;
  return { ok, detail: `window.quotabar has [${r.keys.join(', ')}]; Node globals ${r.node ? 'VISIBLE' : 'absent'}` };
}

async function ipcCheck(wc: WebContents, shell: Shell) {
  const ids = await inPage<string[]>(wc, `window.quotabar.invoke('view:get', null).then((v) => v.snapshots.map((s) => s.providerId))`);
  const expected = shell.services.view().snapshots.map((s) => s.providerId);
  const ok = ids.length > 0 && ids.join() === expected.join();
  return { ok, detail: `the page received providers [${ids.join(', ')}]${ok ? '' : `, main has [${expected.join(', ')}]`}` };
}

async function windowOpenCheck(wc: WebContents) {
  const before = BrowserWindow.getAllWindows().length;
  let created = 0;
  const onCreated = () => void created++;
  wc.on('did-create-window', onCreated);
  try {
    const returnedNull = await inPage<boolean>(wc, `window.open(${JSON.stringify(OUTSIDE_URL)}, '_blank') === null`);
    await sleep(SETTLE_MS);
    const after = BrowserWindow.getAllWindows().length;
    const ok = returnedNull && created === 0 && after === before;
    return { ok, detail: `window.open returned ${returnedNull ? 'null' : 'a window'}; windows ${before} → ${after}` };
  } finally {
    wc.off('did-create-window', onCreated);
  }
}

async function navigationCheck(wc: WebContents, url: string) {
  await inPage(wc, `location.href = ${JSON.stringify(OUTSIDE_URL)}; true`);
  await sleep(SETTLE_MS);
  const now = wc.getURL();
  const bridge = await inPage<string>(wc, `typeof window.quotabar`).catch(() => 'unreachable');
  const ok = now === url && bridge === 'object';
  return { ok, detail: `URL after the attempt: ${now}; page ${bridge === 'object' ? 'still ours' : 'replaced'}` };
}
