// What both in-host entries share: run one mocha suite file (next to this bundle) inside the
// extension host and mirror its results to $BATON_E2E_REPORT, which scripts/e2e-run.mjs prints.
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMocha(suiteFile: string): Promise<void> {
  const report = process.env.BATON_E2E_REPORT;
  const log = (line: string): void => {
    if (report) appendFileSync(report, line + '\n');
  };
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false });
  mocha.addFile(path.join(__dirname, suiteFile));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    runner.on('pass', (t) => log(`  ✓ ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) => log(`  ✗ ${t.fullTitle()}: ${err.message}`));
  });
}
