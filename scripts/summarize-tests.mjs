// Adds up Vitest JSON reports and prints the closing line CI reads: "N passed, N failed, N skipped".
// Before it, one line per skipped suite: its name, where it lives, how many tests, and why. A suite
// gives its reason in its top title as "<name> [skipped: <reason>]" (see test/electron-app); a
// skipped test without one is still listed, by file, so nothing is skipped silently.
import { readFileSync } from 'node:fs';
import { posix, relative, sep } from 'node:path';

const MARK = /^(.*) \[skipped: (.*)\]$/s;

let passed = 0;
let failed = 0;
let skipped = 0;
/** "name\0reason" → where its skipped tests live and how many there are. */
const groups = new Map();

function noteSkipped(file, test) {
  const marked = (test.ancestorTitles ?? []).map((t) => MARK.exec(t)).find(Boolean);
  // Forward slashes on every OS, so the line reads the same in every CI log.
  const where = (relative(process.cwd(), file) || file).split(sep).join('/');
  const key = marked ? `${marked[1]}\0${marked[2]}` : `${where}\0no reason given in its title`;
  const g = groups.get(key) ?? { places: new Set(), tests: 0 };
  g.places.add(marked ? posix.dirname(where) : where);
  g.tests += 1;
  groups.set(key, g);
}

for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const suite of r.testResults ?? []) {
      for (const test of suite.assertionResults ?? []) {
        if (['skipped', 'pending', 'todo', 'disabled'].includes(test.status)) noteSkipped(suite.name ?? file, test);
      }
    }
  } catch {
    console.error(`could not read test report ${file}`);
    failed += 1;
  }
}
for (const [key, g] of groups) {
  const [name, reason] = key.split('\0');
  const count = `${g.tests} test${g.tests === 1 ? '' : 's'}`;
  const places = [...g.places].join(', ');
  console.log(places === name ? `skipped: ${name} (${count}): ${reason}` : `skipped: ${name} (${places}, ${count}): ${reason}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
