// The import graph of the shipped source, read with the TypeScript parser (so comments and strings
// never count as imports): every static, re-export, dynamic and require() edge, and whether it is
// type-only. For the architecture tests, which check the layers against it.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the root with forward slashes. */
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The file it resolves to (relative, forward slashes) for a relative specifier; null for a package. */
  to: string | null;
  /** True when nothing of the import exists at run time (`import type`, or every name marked `type`). */
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mts|mjs)$/;

/** Every source file under `dirs` (relative to `root`), forward slashes. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (rel: string): string[] =>
    readdirSync(join(root, rel)).flatMap((name) => {
      const r = join(rel, name);
      if (statSync(join(root, r)).isDirectory()) return walk(r);
      return SOURCE.test(name) && !name.endsWith('.d.ts') ? [r.split(sep).join('/')] : [];
    });
  return dirs.filter((d) => existsSync(join(root, d))).flatMap(walk);
}

function resolveRelative(root: string, from: string, spec: string): string | null {
  const base = normalize(join(dirname(join(root, from)), spec));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit ? relative(root, hit).split(sep).join('/') : null;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a bare `import 'x'` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The imports of one file (`text` given directly lets a test check a made-up violation). */
export function importsOf(root: string, file: string, text = readFileSync(join(root, file), 'utf8')): ImportEdge[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (spec: string, typeOnly: boolean) =>
    edges.push({ from: file, spec, to: spec.startsWith('.') ? resolveRelative(root, file, spec) : null, typeOnly });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, isTypeOnlyExport(node));
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (dynamic || required) add(node.arguments[0]!.text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      add(node.argument.literal.text, true);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** The first top-level folder of a relative path: its layer. */
export const layerOf = (file: string): string => file.split('/')[0]!;

/** Every cycle among `files` (each as the list of files around it), found by depth-first search. */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.to) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dfs = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of next.get(f) ?? []) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) dfs(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...next.keys()].sort()) if (!state.has(f)) dfs(f);
  return found;
}
