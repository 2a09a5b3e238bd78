/**
 * Remembers only *whether* this browser signed in, never a token: the session itself is the
 * HttpOnly cookie. Without the hint the app knows the visitor is signed out and skips
 * GET /api/auth/me, whose 401 browsers would otherwise log as a console error on every first visit.
 */
const KEY = 'scalemap:signed-in';

export const sessionHint = {
  get(): boolean {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      // Storage disabled: always ask the API.
      return true;
    }
  },
  set(): void {
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      // Storage disabled; nothing to remember.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // Storage disabled; nothing to forget.
    }
  },
};
