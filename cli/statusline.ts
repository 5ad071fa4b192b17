// `quotabar statusline [--config-dir DIR]`: the coding tool pipes its status JSON to us after each
// message; we print one compact line, record the rate limits under Quotabar's data folder for the app
// and `quotabar status`, and run the status line we replaced after ours. Always exits 0 with a line:
// the tool shows whatever we print. `statusline install|uninstall` edit the tool's settings file.
// Lean on purpose (it runs after every message): no HTTP client, keychain or history database here.
import { dataDir } from '../adapters/app-paths';
import { chainedCommand } from '../adapters/status-line-settings-file';
import { changeStatusLine, statusLinePlace } from '../adapters/status-line-install';
import { readingPath, writeAtomic } from '../adapters/status-line-store';
import { statusLineOutcomeOk, statusLineOutcomeText } from '../core/providers/status-line';
import { statusLineAdapter, type StatusLineAdapter } from '../adapters/providers/registry';
import type { CliIo } from './io';
import { todayCostPart } from './statusline-cost';

type Hooked = StatusLineAdapter['descriptor'] & { statusLine: StatusLineAdapter['statusLine'] };

const USAGE = 'usage: quotabar statusline [install | uninstall] [--config-dir DIR]';

/** Runs `quotabar statusline …` (argv after `statusline`); the exit code as main() documents it. */
export async function runStatusLine(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') return io.stderr(`quotabar: ${args}\n`), 2;
  const a = statusLineAdapter();
  const p = { ...a.descriptor, statusLine: a.statusLine };
  const place = statusLinePlace(io.env, io.homedir, args.dir);
  if (args.action === 'run') return report(io, place.target.folder, p);
  const outcome = await changeStatusLine(place, args.action, io.self ?? [process.execPath, process.argv[1] ?? 'quotabar']);
  const text = `${statusLineOutcomeText(outcome, p.statusLine.toolName)}\n`;
  if (statusLineOutcomeOk(outcome)) return io.stdout(text), 0;
  return io.stderr(`quotabar: ${text}`), 1;
}

type Args = { action: 'run' | 'install' | 'uninstall'; dir: string | null };

function parse(argv: string[]): Args | string {
  const out: Args = { action: 'run', dir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === 'install' || a === 'uninstall') && out.action === 'run') out.action = a;
    else if (a === '--config-dir' || a.startsWith('--config-dir=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) return '--config-dir needs a folder';
      out.dir = v;
    } else return `unexpected argument '${a}' (${USAGE})`;
  }
  return out;
}

// Whatever goes wrong, the tool gets a line and a 0: an error here must not blank its status bar.
async function report(io: CliIo, folder: string, p: Hooked): Promise<number> {
  let stdin = '';
  try {
    stdin = await (io.readAllStdin ?? (await import('./read-all-stdin')).readAllStdin)();
    const now = io.deps?.clock?.now() ?? Date.now();
    const { line, record, understood } = p.statusLine.readout(stdin, now);
    if (record !== null) {
      await writeAtomic(readingPath(dataDir(io.env, io.platform, io.homedir), p.id, folder), record).catch((e: unknown) => {
        io.stderr(`quotabar: could not record the reading (${(e as { code?: string }).code ?? String(e)})\n`);
      });
    }
    const cost = understood ? await todayCostPart(io, p.id, now) : '';
    io.stdout(`${cost ? `${line} · ${cost}` : line}\n`);
  } catch (e) {
    io.stdout('Quotabar: status line unavailable\n');
    io.stderr(`quotabar: ${String(e)}\n`);
  }
  try {
    const chained = await chainedCommand(p.statusLine, folder);
    if (chained) {
      const out = await (await import('../adapters/status-line-chain')).runChained(chained, stdin, io.env);
      if (out) io.stdout(`${out}\n`);
    }
  } catch {
    // The chained status line is the user's own; its trouble is not ours to report in their status bar.
  }
  return 0;
}
