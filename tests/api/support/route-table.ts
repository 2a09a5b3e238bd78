import { randomUUID } from 'node:crypto';
import type { Express } from 'express';

/** One route the app answers: method and Express path template, e.g. `GET /api/assessments/:id`. */
export interface RouteEntry {
  method: string;
  path: string;
}

/** The parts of an Express 5 (router 2.x) layer the walk reads. */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: Layer[] };
}

const join = (...parts: string[]) => `/${parts.join('/').split('/').filter(Boolean).join('/')}`;

function walk(stack: Layer[], prefix: string, out: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      if (typeof layer.route.path !== 'string') throw new Error('Only string route paths are supported');
      const path = join(prefix, layer.route.path);
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') out.push({ method: method.toUpperCase(), path });
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      // A mounted router: `rawPath` is its mount path ('/' for `router.use(fn)`).
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
      walk(layer.handle.stack, join(prefix, mount), out);
    }
  }
}

/** Every route in the app's router table, found by walking nested routers (not listed by hand). */
export function routeTable(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  walk((app.router as unknown as { stack: Layer[] }).stack, '/', out);
  return out;
}

/** A concrete URL for a template, with a fresh UUID for each `:param`. */
export function concretePath(template: string): string {
  return template.replace(/:\w+/g, () => randomUUID());
}

/** `/api/assessments/:id` → `/api/assessments/{id}` (OpenAPI form). */
export function openApiPath(template: string): string {
  return template.replace(/:(\w+)/g, '{$1}');
}
