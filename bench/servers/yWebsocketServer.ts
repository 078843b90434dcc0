/** The reference y-websocket server (@y/websocket-server 0.1.1) in its default in-memory setup. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { serveStats } from './stats';

const server = createServer();
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveStats({ port: (server.address() as AddressInfo).port });
