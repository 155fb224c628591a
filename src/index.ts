// The runner's entry point (action.yml `main`). Everything lives in run().
import { run } from './main.ts';

await run();
