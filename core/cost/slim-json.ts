// Cuts the values of one key out of a JSON text before it is parsed: an assistant line is mostly its
// `content` (prose, tool inputs), which the ledger never reads, and JSON.parse on it is most of a
// cold scan. Strings are skipped with indexOf, so long ones cost little. Pure.

/**
 * `text` with every value of `"<key>":` replaced by 0, or `text` unchanged when a value cannot be
 * delimited (the caller's JSON.parse then judges the whole line, as without slimming).
 */
export function withoutKey(text: string, key: string): string {
  const needle = `"${key}":`;
  let at = text.indexOf(needle);
  if (at < 0) return text;
  const parts: string[] = [];
  let from = 0;
  while (at >= 0) {
    let v = at + needle.length;
    while (v < text.length && isSpace(text.charCodeAt(v))) v++;
    const end = valueEnd(text, v);
    if (end < 0) return text;
    parts.push(text.slice(from, v), '0');
    from = end;
    at = text.indexOf(needle, end);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Index just past the JSON value starting at `i`, or -1. */
function valueEnd(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 34 /* " */) {
      i = stringEnd(s, i);
      if (i < 0) return -1;
      if (depth === 0) return i;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      i++;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) return i;
      depth--;
      i++;
      if (depth === 0) return i;
    } else if (depth === 0 && c === 44 /* , */) {
      return i;
    } else i++;
  }
  return depth === 0 ? i : -1;
}

/** Index just past the string whose opening quote is at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    let back = 0;
    while (s.charCodeAt(q - 1 - back) === 92 /* \ */) back++;
    if (back % 2 === 0) return q + 1;
    j = q + 1;
  }
}
