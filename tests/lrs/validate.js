// Validates xAPI statements with Learning Locker's xapi-validation: a
// JSON array file, or (with -l) one statement a line. Prints each
// problem; exits 1 when there is any.
// usage: node validate.js [-l] FILE
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;
const args = process.argv.slice(2);
const lines = args[0] === '-l';
const text = fs.readFileSync(lines ? args[1] : args[0], 'utf8');
const statements = lines
  ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  : JSON.parse(text);
let bad = 0;
for (const s of statements) {
  const warnings = validate(s);
  if (warnings.length > 0) {
    bad++;
    console.log(`${s.id}: ${warnings.map((w) => JSON.stringify(w)).join('; ')}`);
  }
}
console.log(`${statements.length} statements, ${bad} with problems`);
process.exit(bad > 0 ? 1 : 0);
