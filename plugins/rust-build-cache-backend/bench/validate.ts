/*
 * CPU time of report validation (#14): `validateReport(JSON.parse(text))` per report, over
 * many distinct texts of the example report (runId, workspace path and times vary, as under
 * ingestion load, so that nothing is served from a warm inline cache of one object), with
 * `JSON.parse` of the same texts measured in the same run as its reference. Rounds of the
 * variants alternate, so that other load on the machine hits them alike; the best round of
 * each is kept (other load only ever makes a figure worse).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/validate.ts \
 *     [--reports=2000] [--rounds=15]
 */
import { validateReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import { readExampleReport } from '../src/__testUtils__/reports';
import { argValue, benchReport, loadAverage, printFigures, round } from './lib';

const reportCount = Number(argValue('reports', '2000'));
const rounds = Number(argValue('rounds', '15'));

function distinctReportTexts(count: number): string[] {
  const example = readExampleReport();
  const start = Date.parse('2026-11-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify(
      benchReport(example, i % 500, `run-${i}`, new Date(start + i * 61_000)),
    ),
  );
}

/** CPU µs (user + system) per text of `work` over all texts. */
function cpuMicrosPerText(texts: string[], work: (text: string) => void) {
  const before = process.cpuUsage();
  for (const text of texts) work(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / texts.length;
}

function mustBeValid(result: ReturnType<typeof validateReport>): void {
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.issues)}`);
}

const now = new Date('2026-12-01T00:00:00Z');
const variants: Record<string, (text: string) => void> = {
  'JSON.parse': text => JSON.parse(text),
  'JSON.parse + validateReport': text =>
    mustBeValid(validateReport(JSON.parse(text))),
  'JSON.parse + validateReport({ now })': text =>
    mustBeValid(validateReport(JSON.parse(text), { now })),
};

function main() {
  const texts = distinctReportTexts(reportCount);
  const averageBytes =
    texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  const best: Record<string, number> = {};
  for (let r = 0; r < rounds + 2; r++) {
    for (const [name, work] of Object.entries(variants)) {
      const micros = cpuMicrosPerText(texts, work);
      // The first two rounds warm up (JIT, inline caches).
      if (r >= 2) best[name] = Math.min(best[name] ?? Infinity, micros);
    }
  }
  const reference = best['JSON.parse'];
  console.log(
    `${reportCount} distinct reports of ~${Math.round(
      averageBytes,
    )} bytes, best of ${rounds} rounds; load ${loadAverage()}`,
  );
  for (const [name, micros] of Object.entries(best)) {
    console.log(
      `${name.padEnd(40)} ${micros
        .toFixed(1)
        .padStart(7)} µs CPU per report  ${(micros / reference).toFixed(
        2,
      )} × JSON.parse`,
    );
  }
  printFigures(
    Object.entries(best).map(([name, micros]) => ({
      measure: `validate: ${name}`,
      value: round(micros),
      unit: 'µs CPU/report',
    })),
  );
}

main();
