// Writing the CLI's output. Into a pipe, file or socket the bytes go straight to the descriptor:
// creating process.stdout loads Node's stream modules, ~5 ms of a ~40 ms `quotabar status`
// (bench/cli-startup.bench.ts). A terminal still gets process.stdout/stderr, which handle its
// encoding (the console on Windows) and its modes.
import { fstatSync, writeSync } from 'node:fs';

/** A writer for a descriptor (1 or 2; tests pass others) that falls back to `stream()` for terminals and for a pipe that is full. */
export function fdWriter(fd: number, stream: () => NodeJS.WritableStream): (s: string) => void {
  let direct = isPipeOrFile(fd);
  let readerGone = false;
  return (s) => {
    if (readerGone) return;
    let rest = Buffer.from(s, 'utf8');
    if (direct) {
      try {
        while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // The reader closed the pipe (`quotabar status | head -1`): nobody is left to read the rest.
        if (code === 'EPIPE') return void (readerGone = true);
        // A non-blocking pipe that is full: the stream waits for room; it keeps the order from now on.
        if (code !== 'EAGAIN') throw e;
        direct = false;
      }
    }
    stream().write(rest);
  };
}

function isPipeOrFile(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}
