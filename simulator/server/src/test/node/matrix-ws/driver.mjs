// One column of the client matrix: reads cells as JSON lines on stdin ({id, url, step, ca}), runs each at once
// with Node's ws, and prints what ws reported as JSON lines ({id, event, final}). Default options, except a 5 s
// handshakeTimeout and, over wss://, the test CA as the only trusted root.
import { createRequire } from 'node:module';
import readline from 'node:readline';
import WebSocket from 'ws';

const version = createRequire(import.meta.url)('ws/package.json').version;
const out = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const text = (value) => {
  const s = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  return '"' + (s.length > 40 ? s.slice(0, 40) + '...(' + s.length + ' chars)' : s) + '"';
};
const describe = (error) => (error.code ? error.code + ': ' : '') + error.message;

function run(cell) {
  const report = (event, final = false) => out({ id: cell.id, event, final });
  const options = { handshakeTimeout: 5000 };
  if (cell.ca) {
    options.ca = cell.ca;
  }
  let ws;
  try {
    ws = new WebSocket(cell.url, options);
  } catch (error) {
    report('constructor threw ' + describe(error), true);
    return;
  }
  ws.on('open', () => {
    report('open');
    if (cell.step === 'PING') ws.ping('p');
    if (cell.step === 'CLOSE') ws.close(1000, 'bye');
  });
  ws.on('pong', () => report('pong'));
  ws.on('message', (data, binary) => report('message ' + (binary ? data.length + ' bytes' : text(data))));
  ws.on('error', (error) => report('error ' + describe(error)));
  ws.on('close', (code, reason) => report('close ' + code + ' ' + text(reason), true));
}

out({ ready: 'ws ' + version });
readline.createInterface({ input: process.stdin })
  .on('line', (line) => run(JSON.parse(line)))
  .on('close', () => process.exit(0));
