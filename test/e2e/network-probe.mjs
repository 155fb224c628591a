// Preloaded with `node --import` in e2e tests: records every attempt to open a socket or resolve
// a name, and every module file the process loads, then writes them to $AOD_PROBE_REPORT at exit.
// This is how the tests prove that lint mode needs no network and never loads the Azure SDKs.
import dns from 'node:dns';
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const report = { connects: [], lookups: [], modules: [] };

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  report.connects.push(JSON.stringify(args[0]));
  return originalConnect.apply(this, args);
};
const originalTlsConnect = tls.connect;
tls.connect = function connect(...args) {
  report.connects.push(`tls:${JSON.stringify(args[0])}`);
  return originalTlsConnect.apply(this, args);
};
const originalLookup = dns.lookup;
dns.lookup = function lookup(host, ...rest) {
  report.lookups.push(String(host));
  return originalLookup.call(this, host, ...rest);
};

registerHooks({
  load(url, context, nextLoad) {
    report.modules.push(url);
    return nextLoad(url, context);
  },
});

process.on('exit', () => {
  if (process.env.AOD_PROBE_REPORT) writeFileSync(process.env.AOD_PROBE_REPORT, JSON.stringify(report));
});
