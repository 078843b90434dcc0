/** The reference Hocuspocus server (@hocuspocus/server 3.4.4) in its default in-memory setup. */
import { Server } from '@hocuspocus/server';
import { serveStats } from './stats';

const server = new Server({ address: '127.0.0.1', port: 0, quiet: true });
await server.listen();
serveStats({ port: server.address.port });
