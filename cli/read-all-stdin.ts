// All of a piped stdin, read in one synchronous call: `quotabar statusline` runs after every message
// of the coding tool, and a stream would load Node's stream modules for nothing. A terminal gives ''
// (someone typed the command by hand: there is nothing to wait for).
import { fstatSync, readSync } from 'node:fs';

const MAX_BYTES = 1024 * 1024;

/** Up to 1 MiB of stdin as UTF-8; '' when stdin is a terminal, closed or unreadable. */
export async function readAllStdin(): Promise<string> {
  try {
    const st = fstatSync(0);
    if (!st.isFIFO() && !st.isFile() && !st.isSocket()) return '';
  } catch {
    return '';
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      // A non-blocking pipe with nothing yet: wait for it the slow way.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return Buffer.concat(chunks).toString('utf8') + (await readStream());
      break;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total >= MAX_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readStream(): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => void chunks.push(c)).once('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).once('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
