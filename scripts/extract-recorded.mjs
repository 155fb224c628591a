#!/usr/bin/env node
// Extracts the exchanges test/emulator/recorded.test.ts compares from Azure SDK test recordings (real Azure traffic,
// ids sanitised by the SDK teams): the test-proxy JSON form ({Entries: [...]}, azure-sdk-for-python) and the legacy
// azure-sdk-for-js form ({recordings: [...]}) and vcrpy YAML cassettes ({interactions: [...]}, azure-cli-extensions
// src/machinelearningservices/azext_mlv2/tests/latest/recordings). Keeps only what is compared: method, path pattern, api-version, status,
// LRO headers (as patterns), the status / provisioningState vocabulary, body keys (top level and `properties`), the
// service's rewrites of request values, and runs of identical polls collapsed with the operation's recorded duration (and,
// from a cassette's date headers, the seconds between polls).
//
//   node scripts/extract-recorded.mjs --source "<repo>@<commit>:<path>" --out test/fixtures/recorded/NAME.json RECORDING.json|RECORDING.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { rawExchanges, summarize } from '../test/emulator/recorded-shape.ts';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const source = opt('--source') ?? '';
const out = opt('--out');
const file = args[0];
if (!file || !out) { console.error('usage: extract-recorded.mjs --source REPO@COMMIT:PATH --out FIXTURE.json RECORDING.json|.yaml'); process.exit(2); }

const text = readFileSync(file, 'utf8');
const exchanges = summarize(rawExchanges(/\.ya?ml$/i.test(file) ? parse(text) : JSON.parse(text)));
writeFileSync(out, `${JSON.stringify({ source, note: 'Extracted by scripts/extract-recorded.mjs; compared by test/emulator/recorded.test.ts.', exchanges }, null, 1)}\n`);
console.log(`${out}: ${exchanges.length} exchanges`);
