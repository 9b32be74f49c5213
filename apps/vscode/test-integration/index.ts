// Entry the workbench loads as `extensionTestsPath` for the single-folder run: suite.ts.
import { runMocha } from './mocha-entry.js';

export const run = (): Promise<void> => runMocha('suite.js');
