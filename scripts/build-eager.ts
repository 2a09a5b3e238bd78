/**
 * Marks the bundle's module wrappers for eager compilation (ADR 0011). esbuild wraps each CommonJS
 * module (and each lazily initialised ES module) in an arrow function, `var x = w((e, t) => {…})`,
 * that runs once at init. V8 compiles such a function lazily, on its first call, and Node's compile
 * cache is written when a module is compiled, so none of those bodies are in the cache the image
 * ships. Written as a parenthesised function expression, `w((function(e, t) {…}))`, V8 compiles it
 * with its module (its "likely called" heuristic) and the cache holds it.
 *
 * Only wrappers whose bodies do not use `this`, `arguments`, `new.target` or `super` at their own
 * level are rewritten: for those, a strict-mode function called plainly (as esbuild's helpers call
 * them) behaves exactly as the arrow did. The linked source map is shifted to match.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { type Node, parse } from 'acorn';

interface Insert {
  at: number;
  text: string;
  /** Text replaced from `at` (the arrow's parameters through its `=>`). */
  replaces: number;
}

type AnyNode = Node & Record<string, unknown>;

/** True when `node` uses what an arrow takes from its surroundings, outside nested non-arrow functions. */
function usesLexicalScope(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(usesLexicalScope);
  const n = node as AnyNode;
  if (typeof n.type !== 'string') return false;
  if (n.type === 'ThisExpression' || n.type === 'Super' || n.type === 'MetaProperty') return true;
  if (n.type === 'Identifier' && n.name === 'arguments') return true;
  // A function of its own (not an arrow) has its own this/arguments; a class body binds `this` too.
  if (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration') return false;
  if (n.type === 'ClassBody') return (n.body as AnyNode[]).some((m) => usesLexicalScope(m.key));
  return Object.entries(n).some(
    ([key, value]) => key !== 'type' && key !== 'start' && key !== 'end' && usesLexicalScope(value),
  );
}

/** The edits that turn each top-level `var x = f((a, b) => {…})` into `var x = f((function(a, b) {…}))`. */
export function eagerWrapperEdits(code: string): Insert[] {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode;
  const edits: Insert[] = [];
  for (const statement of program.body as AnyNode[]) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as AnyNode[]) {
      const call = declarator.init as AnyNode | null;
      if (call?.type !== 'CallExpression' || (call.arguments as AnyNode[]).length !== 1) continue;
      const arrow = (call.arguments as AnyNode[])[0]!;
      const body = arrow.body as AnyNode;
      if (arrow.type !== 'ArrowFunctionExpression' || arrow.async || body.type !== 'BlockStatement') continue;
      if (usesLexicalScope(arrow.params) || usesLexicalScope(body)) continue;
      const params = (arrow.params as AnyNode[]).map((p) => code.slice(p.start, p.end)).join(',');
      edits.push({ at: arrow.start, text: `(function(${params})`, replaces: body.start - arrow.start });
      edits.push({ at: arrow.end, text: ')', replaces: 0 });
    }
  }
  return edits;
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** `code` with the edits (in order, not overlapping) applied. */
export function applyEdits(code: string, edits: Insert[]): string {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += code.slice(from, e.at) + e.text;
    from = e.at + e.replaces;
  }
  return out + code.slice(from);
}

/**
 * Where a column of the original moves to. The edits add no line breaks, so only those earlier on the
 * same line move it; a position inside replaced text (the arrow's own parameters) moves to where that
 * text now starts.
 */
function columnShifter(edits: Insert[]): (lineStart: number, offset: number) => number {
  // before[i]: how far the edits ahead of edits[i] move what follows them.
  const before = [0];
  for (const e of edits) before.push(before.at(-1)! + e.text.length - e.replaces);
  /** How many edits start before `offset`. */
  const count = (offset: number) => {
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid]!.at < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (lineStart, offset) => {
    const k = count(offset);
    const last = edits[k - 1];
    const shift = last && offset < last.at + last.replaces ? before[k - 1]! + last.at - offset : before[k]!;
    return shift - before[count(lineStart)]!;
  };
}

/** Applies the edits to `file` and shifts the generated columns of `file.map` to match. */
export function makeWrappersEager(file: string): number {
  const code = readFileSync(file, 'utf8');
  const edits = eagerWrapperEdits(code);
  if (edits.length === 0) return 0;
  writeFileSync(file, applyEdits(code, edits));

  const mapFile = `${file}.map`;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
  const starts = lineStarts(code);
  const shift = columnShifter(edits);
  const lines = decode(map.mappings);
  lines.forEach((segments, line) => {
    const lineStart = starts[line] ?? Number.POSITIVE_INFINITY;
    for (const segment of segments) segment[0] += shift(lineStart, lineStart + segment[0]);
  });
  map.mappings = encode(lines);
  writeFileSync(mapFile, JSON.stringify(map));
  return edits.length / 2;
}
