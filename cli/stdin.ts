// Reading the key for `quotabar key set`: piped input is read whole; at a terminal the user is
// prompted and the key is read as one line without echoing it to the screen.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads all of a piped stdin, or one hidden line when stdin is a terminal. */
export async function readKeyFromStdin(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  process.stderr.write(prompt);
  // Nothing typed or pasted is echoed: the key never appears on screen or in terminal scrollback.
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
