// `quotabar statusline` on its own (dist-cli/statusline.cjs): the coding tool runs it after every message,
// so it loads only its own code, ~6 ms sooner than through the whole CLI. It answers as main.ts does.
import { ownEntry } from './own-entry';
import { runStatusLine } from './statusline';

export const main = ownEntry((argv, io) => runStatusLine(argv.slice(1), io));
