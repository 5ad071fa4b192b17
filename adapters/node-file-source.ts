// FileSource on node:fs/promises. Read-only by construction: the vendor tools' credential files
// are read, never written.
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../core/errors';
import type { FileEntry, FileError, FileSource, FileStat } from '../core/ports';

export class NodeFileSource implements FileSource {
  join(...parts: string[]): string {
    return join(...parts);
  }

  readText(path: string): Promise<Result<string, FileError>> {
    return attempt(() => readFile(path, 'utf8'));
  }

  list(dir: string): Promise<Result<FileEntry[], FileError>> {
    return attempt(async () =>
      (await readdir(dir, { withFileTypes: true })).map((d) => ({ name: d.name, isDirectory: d.isDirectory() })),
    );
  }

  stat(path: string): Promise<Result<FileStat, FileError>> {
    return attempt(async () => {
      const s = await stat(path);
      return { size: s.size, mtimeMs: s.mtimeMs };
    });
  }

  readRange(path: string, start: number, end: number): Promise<Result<Uint8Array, FileError>> {
    return attempt(async () => {
      const from = Math.max(0, Math.floor(start));
      const length = Math.max(0, Math.floor(end) - from);
      const handle = await open(path, 'r');
      try {
        if (length === 0) return new Uint8Array(0);
        const buf = new Uint8Array(length);
        // One read may return less than asked before EOF; loop until full or EOF.
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(buf, got, length - got, from + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return buf.subarray(0, got);
      } finally {
        await handle.close();
      }
    });
  }
}

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T, FileError>> {
  try {
    return ok(await fn());
  } catch (e) {
    return err(fileError(e));
  }
}

/** ENOENT means "not there"; anything else (EACCES, EISDIR, ENOTDIR…) is a read failure with its code. */
export function fileError(e: unknown): FileError {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return { kind: 'not_found' };
  return { kind: 'unreadable', code: typeof code === 'string' ? code : 'EUNKNOWN' };
}
