// Prints what the LRS holds, one statement a line as JSON (voided ones are
// left out, as the xAPI says), following "more" links.
// usage: node statements.js BASE_URL (e.g. http://127.0.0.1:PORT/xAPI)
'use strict';
const base = process.argv[2];
const origin = new URL(base).origin;
const headers = {
  'X-Experience-API-Version': '1.0.3',
  Authorization: 'Basic ' + Buffer.from('test:test').toString('base64'),
};
(async () => {
  // One page: this LRS's "more" cursor (in its memory store) can skip
  // statements stored in the same millisecond, which made checks flaky.
  let url = `${base}/statements?limit=100000`;
  while (url) {
    const r = await fetch(url, { headers });
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    const page = await r.json();
    for (const s of page.statements) console.log(JSON.stringify(s));
    url = page.more ? (page.more.startsWith('http') ? page.more : origin + page.more) : null;
  }
})().catch((e) => { console.error(String(e)); process.exit(2); });
