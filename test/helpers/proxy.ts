/**
 * A small HTTP proxy on 127.0.0.1 that records every request it passes: plain
 * forwarding for http:// (absolute-form request lines) and CONNECT tunnels for
 * https://. Whatever host a request names, it goes to 127.0.0.1 at the named
 * port, so a test can use a host that does not resolve: only the proxy reaches it.
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL (http) or `host:port` (CONNECT) the client asked for. */
  target: string;
  /** The `x-acs-action` header of a forwarded API call (a tunnel hides it). */
  action?: string;
}

export interface RecordingProxy {
  url: string;
  port: number;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const action = req.headers['x-acs-action'];
    seen.push({ method: req.method ?? '', target: req.url ?? '', ...(typeof action === 'string' ? { action } : {}) });
    const target = new URL(req.url ?? '');
    const upstream = forward(
      { host: '127.0.0.1', port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '' });
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
