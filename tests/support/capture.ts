/** Captures what the process writes to stdout (where Powertools logs and EMF metrics go). */
export function captureStdout() {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  return {
    text: () => chunks.join(''),
    /** Every non-empty line, parsed as JSON (throws if a line is not JSON). */
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    clear: () => {
      chunks.length = 0;
    },
    restore: () => {
      spy.mockRestore();
      void original;
    },
  };
}
