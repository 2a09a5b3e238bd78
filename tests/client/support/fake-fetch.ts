/** A queue of canned API responses for jsdom component tests, and the requests the page made. */
export type FakeResponse = { status: number; body?: unknown };

export const fetchMock = jest.fn<Promise<unknown>, [string, RequestInit]>();

export function respond(...responses: FakeResponse[]) {
  for (const r of responses) {
    fetchMock.mockImplementationOnce(async () => ({
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      statusText: '',
      headers: { get: (name: string) => (name === 'x-correlation-id' ? 'corr-123' : null) },
      json: async () => r.body,
    }));
  }
}

/** Method, path and JSON body of the n-th request. */
export function request(n: number): { method: string; url: string; body: unknown } {
  const [url, init] = fetchMock.mock.calls[n] ?? ['', {}];
  return {
    method: init.method ?? 'GET',
    url,
    body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
  };
}

export function problem(status: number, errors: { path: string; message: string }[] = [], detail?: string) {
  return {
    status,
    body: { type: 'about:blank', title: 'Bad Request', status, detail, correlationId: 'c', errors },
  };
}

export function installFetch() {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  // jsdom's <dialog> has no modal support: open and close by attribute.
  const proto = HTMLDialogElement.prototype;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
