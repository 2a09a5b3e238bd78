import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { loadConfig } from '../../../functions/api/config';
import { loginRequest, registerRequest } from '../../../functions/api/contract/auth-requests';
import { BadRequestError } from '../../../functions/api/platform/http/errors';
import { parseBody } from '../../../functions/api/platform/http/validate';

// The server validates with zod/mini, which (unlike classic zod) installs no locale of its own:
// platform/zod-english.ts does, or every message would read "Invalid input".

/** A JSON request carrying `body`, as far as parseBody looks at it. */
const jsonRequest = (body: unknown) =>
  ({
    body,
    get: (name: string) => (name.toLowerCase() === 'content-length' ? '10' : undefined),
    is: (type: string) => (type === 'application/json' ? type : false),
  }) as unknown as Request;

function fieldErrorsOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestError);
    return (err as BadRequestError).extra?.errors;
  }
  throw new Error('expected a 400');
}

describe('validation messages (zod/mini with the English locale)', () => {
  it('when a body has the wrong types, then its field errors are zod English messages', () => {
    const errors = fieldErrorsOf(() =>
      parseBody(jsonRequest({ email: 'a@b.co', password: 12, industry: 'Tech', extra: 1 }), registerRequest),
    );
    expect(errors).toEqual([
      { path: 'password', message: 'Invalid input: expected string, received number' },
      { path: 'companyName', message: 'Invalid input: expected string, received undefined' },
      { path: '(body)', message: 'Unrecognized key: "extra"' },
    ]);
  });

  it('when a body breaks a bound without its own message, then the message says the bound', () => {
    const errors = fieldErrorsOf(() =>
      parseBody(jsonRequest({ email: 'a@b.co', password: 'x'.repeat(257) }), loginRequest),
    );
    expect(errors).toEqual([
      { path: 'password', message: 'Too big: expected string to have <=256 characters' },
    ]);
  });

  it('when a variable is out of range, then the config error says so in English', () => {
    expect(() => loadConfig('local', {}, { PORT: '70000', TRUST_PROXY: 'x' })).toThrow(
      'Invalid configuration: PORT: Too big: expected number to be <=65535; TRUST_PROXY: Invalid input: expected number, received NaN',
    );
  });
});

describe('the server imports zod/mini only', () => {
  const root = path.resolve(__dirname, '../../../functions/api');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? sources(path.join(dir, e.name))
        : e.name.endsWith('.ts')
          ? [path.join(dir, e.name)]
          : [],
    );

  it('when any server module imports zod, then it is zod/mini (classic zod costs cold-start time)', () => {
    const classic = sources(root).filter((file) => /from 'zod(\/v4)?'/.test(readFileSync(file, 'utf8')));
    expect(classic.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('when a server module imports zod/mini, then as a namespace (`import { z }` keeps all of zod in the bundle)', () => {
    const whole = sources(root).filter((file) =>
      /import (type )?\{ z \} from 'zod/.test(readFileSync(file, 'utf8')),
    );
    expect(whole.map((f) => path.relative(root, f))).toEqual([]);
  });
});
