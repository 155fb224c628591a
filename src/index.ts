// The runner's entry point for both steps (action.yml `main` and `post`, one bundle as in
// actions/checkout): the main step marks the state `isPost`, so the post step knows it is one.
// Everything else lives in run() and, for the post step, src/apply/post.ts.
import * as core from '@actions/core';
import { run } from './main.ts';
import { LEASE_STATE_KEY, ROLLOUT_STATE_KEY } from './apply/rollout-state.ts';

if (core.getState('isPost')) {
  const rollout = core.getState(ROLLOUT_STATE_KEY);
  const lease = core.getState(LEASE_STATE_KEY);
  // Loaded only when a rollout or a lease left state behind: lint and validate runs never load the Azure SDKs here.
  if (rollout || lease) await (await import('./apply/post.ts')).runPost(rollout, {}, lease);
} else {
  core.saveState('isPost', 'true');
  await run();
}
