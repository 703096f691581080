import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: the OS picks it (bind to port 0), we release it
 * and hand out the number. Used for processes that need the port on their command line (redis-server,
 * prometheus); servers of our own should listen on port 0 directly instead.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`freePort: unexpected address ${String(address)}`));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/** The `http://host:port` base of a listening node:http / node:net server. */
export function baseUrlOf(server: { address(): unknown }, host = '127.0.0.1'): string {
  const address = server.address() as { port: number } | null;
  if (address === null || typeof address !== 'object') throw new Error('baseUrlOf: server is not listening');
  return `http://${host}:${address.port}`;
}
