// Entry the workbench loads as `extensionTestsPath` for the multi-root run (scripts/e2e-run.mjs
// opens a two-folder `.code-workspace`): runs multi-root.suite.ts inside the extension host and
// mirrors results to $BATON_E2E_REPORT, as index.ts does for the single-folder suite.
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const report = process.env.BATON_E2E_REPORT;
  const log = (line: string): void => {
    if (report) appendFileSync(report, line + '\n');
  };
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false });
  mocha.addFile(path.join(__dirname, 'multi-root.suite.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    runner.on('pass', (t) => log(`  ✓ ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) => log(`  ✗ ${t.fullTitle()}: ${err.message}`));
  });
}
