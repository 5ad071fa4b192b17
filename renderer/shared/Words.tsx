// Plain text from core/present (shared with the CLI, where `backticks` mark a command) drawn for a
// window: the marked parts become <code>, so no raw backtick reaches the screen.

/** The text split into plain runs and code runs; an unpaired backtick stays as it is. */
export function splitCode(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  const re = /`([^`]+)`/g;
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > at) parts.push({ code: false, text: text.slice(at, m.index) });
    parts.push({ code: true, text: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ code: false, text: text.slice(at) });
  return parts;
}

export function Words({ text }: { text: string }) {
  return (
    <>
      {splitCode(text).map((p, i) => (p.code ? <code key={i}>{p.text}</code> : p.text))}
    </>
  );
}
