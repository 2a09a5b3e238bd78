import { ApiClient, type ApiResponse } from '../../support/client';
import type { Exchange } from './contract-checker';

/** An ApiClient that keeps every exchange, for the contract checker. */
export class RecordingClient extends ApiClient {
  constructor(
    baseUrl: string,
    readonly log: Exchange[],
    defaults: Record<string, string> = {},
  ) {
    super(baseUrl, defaults);
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await super.request<T>(method, path, body, headers);
    const text =
      res.body === undefined ? '' : typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    this.log.push({
      method,
      url: path,
      // A string body is sent as is (malformed on purpose); only JSON values are checked as requests.
      ...(body !== undefined && typeof body !== 'string' ? { requestBody: body } : {}),
      status: res.status,
      headers: res.headers,
      text,
    });
    return res;
  }
}
