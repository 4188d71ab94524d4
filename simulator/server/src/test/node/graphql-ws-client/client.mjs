// The reference graphql-ws client (graphql-transport-ws) subscribed to one subscription, retrying every 100 ms.
// Prints what it observes as JSON lines: connected, next (with seq), closed (code, reason), error, complete;
// the same with times on stderr (target/graphql-ws-client/client.err).
// Usage: node client.mjs ws://127.0.0.1:PORT/graphql?clientId=c1
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const print = (event) => {
  process.stdout.write(JSON.stringify(event) + '\n');
  process.stderr.write(new Date().toISOString() + ' ' + JSON.stringify(event) + '\n'); // timed, for debugging
};

const client = createClient({
  url: process.argv[2],
  webSocketImpl: WebSocket,
  retryAttempts: 5,
  retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
  on: {
    connected: (socket) => print({ event: 'connected', protocol: socket.protocol }),
    closed: (event) => print({ event: 'closed', code: event.code, reason: event.reason }),
  },
});

client.subscribe({ query: 'subscription Ticks { tick { seq } }' }, {
  next: (value) => print({ event: 'next', seq: value.data.tick.seq }),
  error: (error) => print({ event: 'error', code: error.code, reason: error.reason, message: String(error.message) }),
  complete: () => print({ event: 'complete' }),
});
