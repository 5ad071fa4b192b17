// The Logger port on standard error: diagnostics for whoever runs Quotabar from a terminal or
// reads the app's console output. Messages are written as given, prefixed with the app's name.
import type { Logger } from '../core/ports';

export class StderrLogger implements Logger {
  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(line)) {}

  warn(message: string): void {
    this.write(`quotabar: ${message}\n`);
  }
}
