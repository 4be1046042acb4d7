/**
 * The node:http plumbing: read each request's whole body, hand it to the
 * handler for its path, and write JSON answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => Promise<void>;

/** The request's path and query (the host part is a placeholder: only the path and query are read). */
export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? '/', 'http://x');
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** A server that answers each request with the handler `route` picks; a handler that throws answers 500. */
export function createJsonServer(route: (request: IncomingMessage) => Handler): Server {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      route(request)(request, response, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { Code: 'InternalError', Message: String(error) });
      });
    });
  });
  // Idle connections are the client's to close. A server that times them out races a client
  // reusing one (undici's timer is coarse, and a loaded machine lags): the client gets ECONNRESET.
  // closeServer() ends every connection, so none outlives the emulator.
  server.keepAliveTimeout = 0;
  return server;
}

/** Listens on `host:port` (0: a free port) and resolves to the port taken. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Stops listening and ends every open connection, idle or not. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
