// Entry the workbench loads as `extensionTestsPath` for the multi-root run (scripts/e2e-run.mjs
// opens a two-folder `.code-workspace`): multi-root.suite.ts.
import { runMocha } from './mocha-entry.js';

export const run = (): Promise<void> => runMocha('multi-root.suite.js');
