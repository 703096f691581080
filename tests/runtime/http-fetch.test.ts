import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpFetch } from '../../runtime/http-fetch.js';
import { waitFor } from '../support/wait.js';

describe('createHttpFetch (the engine client’s transport)', () => {
  let server: Server;
  let base: string;
  let seen: { method?: string; headers?: IncomingMessage['headers']; body?: string } = {};
  let closedEarly = 0;
  const fetchImpl = createHttpFetch();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = { method: req.method, headers: req.headers, body };
        if (req.url === '/empty') {
          res.writeHead(204);
          res.end();
        } else if (req.url === '/slow') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: 1\n\n');
          res.on('close', () => (closedEarly += 1));
        } else {
          res.writeHead(201, [
            ['x-multi', 'a'],
            ['x-multi', 'b'],
            ['content-type', 'application/json'],
          ]);
          res.end(JSON.stringify({ ok: true }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers and body, and returns status, headers and JSON', async () => {
    const response = await fetchImpl(`${base}/json`, {
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/json', 'x-request-id': 'r1' }),
      body: '{"a":1}',
    });
    expect(seen).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(seen.headers).toMatchObject({ 'x-request-id': 'r1', 'content-length': '7' });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('returns a null body for 204', async () => {
    const response = await fetchImpl(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('rejects with AbortError for an already aborted signal, without sending', async () => {
    const controller = new AbortController();
    controller.abort();
    seen = {};
    await expect(fetchImpl(`${base}/json`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(seen).toEqual({});
  });

  it('aborting mid-body closes the connection to the server and errors the body stream', async () => {
    const controller = new AbortController();
    const response = await fetchImpl(`${base}/slow`, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: 1\n\n');
    const before = closedEarly;
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => closedEarly === before + 1, {
      description: 'the server to see the connection close',
    });
  });

  it('rejects on a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchImpl(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
