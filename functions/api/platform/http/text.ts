/**
 * True when `s` holds a C0 control character or DEL. With `allowLineBreaks`, tab, LF and CR are
 * fine (free-text answers). Written without a regex so the intent is plain.
 */
export function hasControlChars(s: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 32 || c === 127) return true;
  }
  return false;
}
