// An in-memory FileSource that counts what it is asked to read, so tests can prove that a
// source reads only appended bytes. Directories exist implicitly as prefixes of file paths.
import { err, ok, type Result } from '../../core/errors';
import type { FileEntry, FileError, FileSource, FileStat } from '../../core/ports';

const encoder = new TextEncoder();

export class MemoryFiles implements FileSource {
  private files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private unreadable = new Map<string, string>();
  private tick = 0;
  /** Bytes returned by `readRange` and `readText` since construction (or `resetCounters`). */
  bytesRead = 0;
  readRangeCalls = 0;
  /** Every [path, start, end) asked of `readRange`, in order. */
  ranges: Array<[string, number, number]> = [];

  join(...parts: string[]): string {
    return parts.join('/').replace(/\/+/g, '/');
  }

  /** Creates or replaces a file. */
  write(path: string, content: string | Uint8Array): this {
    this.files.set(path, { bytes: toBytes(content), mtimeMs: ++this.tick });
    return this;
  }

  /** Appends to a file, creating it when absent. */
  append(path: string, content: string | Uint8Array): this {
    const old = this.files.get(path)?.bytes ?? new Uint8Array(0);
    const add = toBytes(content);
    const bytes = new Uint8Array(old.length + add.length);
    bytes.set(old, 0);
    bytes.set(add, old.length);
    this.files.set(path, { bytes, mtimeMs: ++this.tick });
    return this;
  }

  remove(path: string): this {
    this.files.delete(path);
    return this;
  }

  /** Makes a file or directory fail with `unreadable` (e.g. 'EACCES'). */
  deny(path: string, code = 'EACCES'): this {
    this.unreadable.set(path, code);
    return this;
  }

  resetCounters(): void {
    this.bytesRead = 0;
    this.readRangeCalls = 0;
    this.ranges = [];
  }

  async readText(path: string): Promise<Result<string, FileError>> {
    const f = this.lookup(path);
    if (!f.ok) return f;
    this.bytesRead += f.value.length;
    return ok(new TextDecoder().decode(f.value));
  }

  async list(dir: string): Promise<Result<FileEntry[], FileError>> {
    const denied = this.unreadable.get(dir);
    if (denied) return err({ kind: 'unreadable', code: denied });
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Map<string, boolean>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) names.set(rest, false);
      else names.set(rest.slice(0, slash), true);
    }
    if (names.size === 0) return err({ kind: 'not_found' });
    return ok([...names].map(([name, isDirectory]) => ({ name, isDirectory })));
  }

  async stat(path: string): Promise<Result<FileStat, FileError>> {
    const f = this.lookup(path);
    if (!f.ok) return f;
    return ok({ size: f.value.length, mtimeMs: this.files.get(path)!.mtimeMs });
  }

  async readRange(path: string, start: number, end: number): Promise<Result<Uint8Array, FileError>> {
    this.readRangeCalls++;
    this.ranges.push([path, start, end]);
    const f = this.lookup(path);
    if (!f.ok) return f;
    const bytes = f.value.slice(start, Math.max(start, end));
    this.bytesRead += bytes.length;
    return ok(bytes);
  }

  private lookup(path: string): Result<Uint8Array, FileError> {
    const denied = this.unreadable.get(path);
    if (denied) return err({ kind: 'unreadable', code: denied });
    const f = this.files.get(path);
    return f ? ok(f.bytes) : err({ kind: 'not_found' });
  }
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}
