/** One problem detail for a bad field: `path` is dotted, e.g. `responses.strategy-vision`. */
export interface FieldError {
  path: string;
  message: string;
}

/** Base for errors that become RFC 9457 problem+json responses. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra?: { errors?: FieldError[]; [key: string]: unknown },
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }

  /** URI reference naming the problem type (relative, so no host is baked in). */
  get type(): string {
    return `/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }
}

export class BadRequestError extends HttpError {
  constructor(detail: string, errors?: FieldError[]) {
    super(400, 'Bad Request', detail, errors ? { errors } : undefined);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = 'Authentication is required.') {
    super(401, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail = 'The resource does not exist.') {
    super(404, 'Not Found', detail);
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string, extra?: Record<string, unknown>) {
    super(409, 'Conflict', detail, extra);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(detail: string) {
    super(415, 'Unsupported Media Type', detail);
  }
}

export class UnprocessableEntityError extends HttpError {
  constructor(detail: string, extra?: Record<string, unknown>) {
    super(422, 'Unprocessable Entity', detail, extra);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(detail: string) {
    super(429, 'Too Many Requests', detail);
  }
}

/** A dependency (database, S3, Cognito) is down or too slow: answer fast, never hang. */
export class ServiceUnavailableError extends HttpError {
  constructor(
    readonly dependency: 'db' | 's3' | 'cognito' | 'events',
    detail?: string,
  ) {
    super(
      503,
      'Service Unavailable',
      detail ?? `A required service (${dependency}) is unavailable. Try again shortly.`,
    );
  }
}
