// A stand-in for a bad network between dlfl and the LRS, for the sync
// tests: forwards to the LRS, or answers 500, or answers slowly, or never,
// or takes every POST itself (as a careless LRS would, even a voiding of
// a voiding statement), as the file named by CONTROL says at each request
// ("pass", "500 N" for the next N requests, "slow SECONDS", "hang",
// "accept"). Every request is logged
// (method, path, the xAPI version header, the auth scheme, statements in
// the body) to LOG.
// usage: node proxy.js LISTEN_PORT LRS_PORT CONTROL LOG
'use strict';
const http = require('http');
const fs = require('fs');
const [listen, target, control, log] = process.argv.slice(2);
let failLeft = null;

function mode() {
  try {
    return fs.readFileSync(control, 'utf8').trim();
  } catch (e) {
    return 'pass';
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    let count = 0;
    try {
      const parsed = JSON.parse(body.toString('utf8'));
      count = Array.isArray(parsed) ? parsed.length : 1;
    } catch (e) {}
    const m = mode();
    const auth = (req.headers.authorization || '').split(' ')[0];
    fs.appendFileSync(log, `${req.method} ${req.url} ${req.headers['x-experience-api-version'] || '-'} ${auth || '-'} ${count} ${m}\n`);
    if (m.startsWith('500')) {
      const n = parseInt(m.split(' ')[1] || '1000000', 10);
      if (failLeft === null) failLeft = n;
      if (failLeft > 0) {
        failLeft--;
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('proxy: failing on purpose\n');
        return;
      }
    } else {
      failLeft = null;
    }
    if (m === 'accept' && req.method === 'POST') {
      let ids = [];
      try {
        const parsed = JSON.parse(body.toString('utf8'));
        ids = (Array.isArray(parsed) ? parsed : [parsed]).map((s) => s.id);
      } catch (e) {}
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(ids));
      return;
    }
    const up = http.request({
      host: '127.0.0.1', port: target, method: req.method, path: req.url,
      headers: Object.assign({}, req.headers, { host: `127.0.0.1:${target}` }),
    }, (r) => {
      const back = [];
      r.on('data', (c) => back.push(c));
      r.on('end', () => {
        const answer = () => {
          res.writeHead(r.statusCode, r.headers);
          res.end(Buffer.concat(back));
        };
        if (m === 'hang') return; // the LRS has them; dlfl never hears
        if (m.startsWith('slow')) setTimeout(answer, 1000 * parseFloat(m.split(' ')[1] || '5'));
        else answer();
      });
    });
    up.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
    up.end(body);
  });
});
server.listen(Number(listen), '127.0.0.1');
