// The rules of core purity as a checker over source text (comments ignored).
const FORBIDDEN_MODULE = /^(electron|undici|fs|fs\/.*|path|os|child_process|http|https|net|crypto|node:.*)$/;

/** Lists every forbidden import or direct clock read in a TypeScript source. */
export function findImpurities(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const problems: string[] = [];
  const specifiers = [
    ...code.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  for (const s of specifiers) if (FORBIDDEN_MODULE.test(s)) problems.push(`imports '${s}'`);
  if (/\bDate\.now\s*\(/.test(code)) problems.push('calls Date.now()');
  if (/\bnew\s+Date\s*\(\s*\)/.test(code)) problems.push('calls new Date() without an argument');
  if (/\b(setTimeout|setInterval)\s*\(/.test(code)) problems.push('uses a real timer (use the Scheduler port)');
  return problems;
}
