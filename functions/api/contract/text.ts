/**
 * True when `s` holds a control character: C0, DEL or C1 (U+0080–U+009F, which browsers never type
 * but attackers paste). With `allowLineBreaks`, tab, LF and CR are fine (free-text answers).
 * Written without a regex so the intent is plain.
 */
export function hasControlChars(s: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 32 || (c >= 127 && c <= 159)) return true;
  }
  return false;
}
