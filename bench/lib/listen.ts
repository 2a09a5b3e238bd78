import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listens on a free port on 127.0.0.1; returns the URL and a stop that closes every connection,
 * then runs `after` (e.g. closing a pool).
 */
export async function listenOnLoopback(
  server: http.Server,
  after: () => Promise<void> = async () => {},
): Promise<{ url: string; stop(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(() => after().then(resolve, reject));
        server.closeAllConnections();
      }),
  };
}
