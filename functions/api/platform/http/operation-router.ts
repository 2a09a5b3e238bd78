import { type Request, type RequestHandler, type Response, Router } from 'express';
import * as z from 'zod/mini';
import { expressPath, type Operation, routeName } from '../../contract/operation';
import { BadRequestError, NotFoundError } from './errors';
import { zodFieldErrors } from './problem';
import { parseBody } from './validate';

type Out<S> = S extends z.core.$ZodType ? z.core.output<S> : undefined;

/** What a handler receives: the operation's inputs, parsed by its declared schemas. */
export interface Input<O extends Operation> {
  params: Out<O['params']>;
  query: Out<O['query']>;
  headers: Out<O['headers']>;
  body: Out<O['body']>;
}

export type Handler<O extends Operation> = (
  input: Input<O>,
  req: Request,
  res: Response,
) => Promise<void> | void;

export interface MountOptions {
  /** Middleware after authentication and before parsing (rate limits). */
  use?: RequestHandler[];
  /** Runs after the params parse and before the body parses (refusals the schema cannot express). */
  guard?: (req: Request) => void;
}

function parse<O extends Operation>(op: O, req: Request, guard?: (req: Request) => void): Input<O> {
  const input: Record<string, unknown> = {};
  if (op.params) {
    const result = z.safeParse(op.params, req.params);
    if (!result.success) throw new NotFoundError(op.notFound);
    input.params = result.data;
  }
  guard?.(req);
  if (op.body) input.body = parseBody(req, op.body);
  if (op.query) {
    const result = z.safeParse(op.query, req.query ?? {});
    if (!result.success) throw new BadRequestError('The query is invalid.', zodFieldErrors(result.error));
    input.query = result.data;
  }
  if (op.headers) {
    const result = z.safeParse(op.headers, req.headers);
    if (!result.success) throw new BadRequestError('A header is invalid.', zodFieldErrors(result.error));
    input.headers = result.data;
  }
  return input as unknown as Input<O>;
}

/**
 * A router (mounted at /api) that registers operations from the contract: authentication when the
 * operation says `session`, then the feature's middleware, then parsing by the declared schemas.
 * The route is named for the access log from the operation, before anything can refuse it.
 */
export function operationRouter(authenticate: RequestHandler) {
  const router = Router();
  function mount<O extends Operation>(op: O, handler: Handler<O>, options: MountOptions = {}): void {
    const name: RequestHandler = (_req, res, next) => {
      res.locals.route = routeName(op);
      next();
    };
    const run: RequestHandler = async (req, res) => {
      await handler(parse(op, req, options.guard), req, res);
    };
    const auth = op.auth === 'session' ? [authenticate] : [];
    router[op.method](expressPath(op.path).replace(/^\/api/, ''), name, ...auth, ...(options.use ?? []), run);
  }
  return { router, mount };
}

export type OperationRouter = ReturnType<typeof operationRouter>;
