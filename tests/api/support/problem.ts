import type { ApiResponse } from '../../support/client';

/** The RFC 9457 body the API sends for every error. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  correlationId: string;
  errors?: { path: string; message: string }[];
  missing?: string[];
  [extension: string]: unknown;
}

/** Asserts `res` is a problem+json with `status`, carrying the response's correlation id. */
export function expectProblem(res: ApiResponse<unknown>, status: number): ProblemBody {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = res.body as ProblemBody;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      correlationId: res.headers.get('x-correlation-id'),
    }),
  );
  expect(body.correlationId).toBeTruthy();
  return body;
}
