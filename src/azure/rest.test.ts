// The ARM client and the `timeout` budget: inside withDeadline a request is aborted at the deadline
// even while the pipeline waits out a Retry-After (which it honours in full), and an ArmError
// carries the Retry-After the service sent. A fake HttpClient answers; no network.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { ArmError, createResourceClient, retryAfterMsOf, withDeadline } from './rest.ts';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3600_000 }) };

function answering(status: number, headers: Record<string, string>): { client: HttpClient; sent: () => number } {
  let sent = 0;
  const client: HttpClient = {
    sendRequest: async (request: PipelineRequest) => {
      sent += 1;
      return { request, status, headers: createHttpHeaders(headers), bodyAsText: JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }) };
    },
  };
  return { client, sent: () => sent };
}

describe('requests inside a deadline', () => {
  it('a 429 with Retry-After: 90 and 6 s of budget: aborted (DeadlineExceeded) after one attempt, the 90 s never waited out', async () => {
    const { client, sent } = answering(429, { 'retry-after': '90' });
    const rc = createResourceClient(credential, 'https://management.azure.com/.default', { httpClient: client });
    const error = await withDeadline(Date.now() + 6000, () => rc.sendUrl('GET', 'https://management.azure.com/x?api-version=1')).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ArmError);
    assert.equal(error.code, 'DeadlineExceeded');
    assert.equal(sent(), 1);
  });

  it('outside a deadline an error keeps the Retry-After it was sent', async () => {
    const { client } = answering(409, { 'retry-after': '7' });
    const rc = createResourceClient(credential, 'https://management.azure.com/.default', { httpClient: client, maxRetries: 0 });
    const error = await rc.sendUrl('GET', 'https://management.azure.com/x?api-version=1').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ArmError);
    assert.equal(error.retryAfterMs, 7000);
  });

  const headers: Array<[Record<string, string>, number | undefined]> = [
    [{ 'retry-after': '90' }, 90_000],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'x-ms-retry-after-ms': '1500' }, 1500],
    [{ 'retry-after': new Date(1_000_000 + 30_000).toUTCString() }, 30_000],
    [{}, undefined],
    [{ 'retry-after': 'soon' }, undefined],
  ];
  for (const [h, ms] of headers) it(`Retry-After ${JSON.stringify(h)} → ${String(ms)} ms`, () => assert.equal(retryAfterMsOf(h, 1_000_000), ms));
});
