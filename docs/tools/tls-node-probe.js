// Records what Node's built-in TLS client reports for each wschaos TLS profile (no npm install needed).
// Usage: java -jar simulator/target/wschaos.jar --port 0 --tls-all-profiles --ca-out /tmp/wschaos-ca > /tmp/lab.txt &
//        node docs/tools/tls-node-probe.js /tmp/wschaos-ca/wschaos-ca.pem < /tmp/lab.txt
'use strict';
const tls = require('tls');
const fs = require('fs');

const ca = fs.readFileSync(process.argv[2]);
const lines = fs.readFileSync(0, 'utf8').split('\n');
const profiles = lines
  .map((line) => line.match(/^wschaos TLS (\S+)\s+wss:\/\/([^:/]+):(\d+)\//))
  .filter(Boolean)
  .map((m) => ({ profile: m[1], host: m[2], port: Number(m[3]) }));

function probe({ profile, host, port }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = tls.connect({ host, port, ca, servername: 'localhost' });
    socket.setTimeout(5000, () => {
      resolve(`${profile}: no handshake after ${Date.now() - started} ms (timeout)`);
      socket.destroy();
    });
    socket.on('secureConnect', () => {
      resolve(`${profile}: connected ${socket.getProtocol()} ${socket.getCipher().name} authorized=${socket.authorized}`);
      socket.end();
    });
    socket.on('error', (e) => resolve(`${profile}: ${e.code} ${e.message}`));
  });
}

(async () => {
  for (const p of profiles) {
    console.log(await probe(p));
  }
})();
