// Runs the status line ours replaced, through the user's shell with the same stdin, and returns what it
// printed. Its failure, silence or slowness never fails ours: on a non-zero exit or after the timeout
// we show whatever it printed so far.
import { spawn } from 'node:child_process';

/** The tool cancels a status line still running when the next one starts; ours gives up before that matters. */
export const CHAIN_TIMEOUT_MS = 5_000;
const MAX_OUTPUT = 64 * 1024;

/** The chained command's stdout (at most 64 KiB, trailing newlines dropped); '' when it printed nothing or could not start. */
export function runChained(command: string, stdin: string, env: NodeJS.ProcessEnv, timeoutMs = CHAIN_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(out.replace(/\n+$/, ''));
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, { shell: true, env, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      return resolve('');
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish();
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (out.length < MAX_OUTPUT) out += chunk.slice(0, MAX_OUTPUT - out.length);
    });
    child.on('error', finish).on('close', finish);
    // A command that never reads stdin closes the pipe early: that is not our failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin);
  });
}
