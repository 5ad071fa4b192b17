// Reading the key for `quotabar key set`: piped input is read whole; at a terminal the user is
// prompted and the key is read as one line without echoing it to the screen. Ctrl+C answers null
// (the caller says "cancelled") instead of killing the process mid-prompt.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads all of a piped stdin, or one hidden line when stdin is a terminal; null when cancelled. */
export async function readKeyFromStdin(prompt: string): Promise<string | null> {
  return process.stdin.isTTY ? readHiddenLine(prompt) : readPiped();
}

function readPiped(): Promise<string | null> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const finish = (value: string | null) => {
      process.stdin.off('data', onData).off('end', onEnd).off('error', onEnd);
      process.off('SIGINT', onInterrupt);
      resolve(value);
    };
    const onData = (chunk: Buffer) => void chunks.push(chunk);
    const onEnd = () => finish(Buffer.concat(chunks).toString('utf8'));
    // A writer that never closes the pipe (`quotabar key set <provider> < /dev/tty`…): Ctrl+C ends the
    // wait; stdin is let go so nothing keeps the process alive after "cancelled".
    const onInterrupt = () => {
      process.stdin.destroy();
      finish(null);
    };
    process.once('SIGINT', onInterrupt);
    process.stdin.on('data', onData).once('end', onEnd).once('error', onEnd);
  });
}

async function readHiddenLine(prompt: string): Promise<string | null> {
  // Nothing typed or pasted is echoed: the key never appears on screen or in terminal scrollback.
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  // Raw mode first, prompt second: a Ctrl+C pressed as soon as the prompt shows must reach readline,
  // not the terminal driver (which would kill the process with a signal instead of cancelling).
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(prompt);
  try {
    return await new Promise<string | null>((resolve) => {
      rl.once('line', resolve);
      // The terminal is in raw mode while reading: Ctrl+C arrives as a key, and readline reports it here.
      rl.once('SIGINT', () => resolve(null));
      rl.once('close', () => resolve(null));
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
    // readline paused stdin but still references it; let go so the process can exit.
    process.stdin.unref?.();
  }
}
