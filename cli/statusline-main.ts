// `quotabar statusline` on its own (dist-cli/statusline.cjs): the coding tool runs it after every message,
// so it loads only its own code, ~6 ms sooner than through the whole CLI. It answers as main.ts does.
import { cliEntry } from './entry';
import { runStatusLine } from './statusline';

export const main = cliEntry((argv, io) => runStatusLine(argv.slice(1), io));
