/**
 * Log redaction, applied to every log line as a JSON replacer: secrets never reach CloudWatch
 * even when an error message or a logged object happens to carry one.
 */
const sensitiveKey = /pass(word)?|token|authorization|cookie|secret|signature|policy|credential|session/i;
const jwt = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const presignedQuery = /(https?:\/\/[^\s"'?]+)\?[^\s"']*X-Amz-[^\s"']*/g;
const sessionCookie = /((?:__Host-)?scalemap_session=)[^;\s"']+/g;
const bearer = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

/** Each pattern above needs one of these literals: a string with none of them has nothing to redact. */
const anyPattern = /eyJ|X-Amz-|scalemap_session=|Bearer\s/;

export const REDACTED = '[REDACTED]';

export function redactString(s: string): string {
  // Every string of every log line comes through here; most hold none of the patterns.
  if (!anyPattern.test(s)) return s;
  return s
    .replace(jwt, REDACTED)
    .replace(presignedQuery, `$1?${REDACTED}`)
    .replace(sessionCookie, `$1${REDACTED}`)
    .replace(bearer, `$1${REDACTED}`);
}

/** A `JSON.stringify` replacer for the logger. */
export function redactingReplacer(key: string, value: unknown): unknown {
  // Keep the log's own structural keys; redact by name everywhere else.
  if (key && sensitiveKey.test(key) && value !== null && value !== undefined && key !== 'sampling_rate') {
    return REDACTED;
  }
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}
