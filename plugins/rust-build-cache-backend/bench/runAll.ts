/*
 * Runs the benchmarks of benchmarks.ts, each with its reference in the same run, and
 * prints a table of figures, targets, ratios and the load average around each one.
 *
 *   bench/run-all [--connection=postgresql://postgres@127.0.0.1:5432/postgres]
 *     [--only=ingest-postgres,pgbench,...] [--repeat=3] [--list]
 *     [--prefix=rbc_bench_] [--port=7477]
 *
 * `--prefix` and `--port` let two runs share the machine: the ingestion and pgbench
 * benchmarks then use databases named with that prefix and a backend on that port.
 *
 * `--repeat=N` runs each benchmark N times and keeps the best value of each figure: the
 * machine is shared, and other load only ever makes a figure worse.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS, BenchmarkEntry, RunAllOptions } from './benchmarks';
import { argValue, BenchFigure, round, runMain } from './lib';

interface Measured extends BenchFigure {
  benchmark: string;
  runs: number;
  loadBefore: number[];
  loadAfter: number[];
  reference?: string;
}

async function main() {
  if (process.argv.includes('--list')) {
    for (const b of BENCHMARKS) {
      console.log(
        `${b.id}${b.optional ? ' (optional)' : ''}: ${b.description}`,
      );
    }
    return;
  }
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const prefix = argValue('prefix', '') || undefined;
  const port = Number(argValue('port', '0')) || undefined;
  const only = argValue('only', '');
  const repeat = Number(argValue('repeat', '1'));
  const selected = only
    ? only.split(',').map(id => {
        const entry = BENCHMARKS.find(b => b.id === id);
        if (!entry) throw new Error(`Unknown benchmark ${id} (see --list)`);
        return entry;
      })
    : BENCHMARKS.filter(b => !b.optional);

  const measured: Measured[] = [];
  for (const entry of selected) {
    for (let run = 1; run <= repeat; run++) {
      const loadBefore = loadavg();
      process.stderr.write(
        `[run-all] ${entry.id} (run ${run}/${repeat}), load ${formatLoad(
          loadBefore,
        )}\n`,
      );
      const stdout = await runBenchmark(entry, { connection, prefix, port });
      const loadAfter = loadavg();
      const figures = entry.parse
        ? entry.parse(stdout)
        : parseFigureLine(stdout, entry.id);
      for (const figure of figures) {
        const reference = entry.references?.[figure.measure];
        const before = measured.find(m => m.measure === figure.measure);
        if (!before) {
          measured.push({
            ...figure,
            benchmark: entry.id,
            runs: 1,
            loadBefore,
            loadAfter,
            reference,
          });
        } else {
          before.runs += 1;
          if (better(figure, before)) {
            Object.assign(before, figure, { loadBefore, loadAfter });
          }
        }
      }
    }
  }
  printTable(measured);
}

function runBenchmark(
  entry: BenchmarkEntry,
  options: RunAllOptions,
): Promise<string> {
  const argv = entry.script
    ? [
        process.execPath,
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        join(__dirname, entry.script),
        ...entry.args(options),
      ]
    : [...entry.command!, ...entry.args(options)];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: join(__dirname, '..'),
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${entry.id} exited with ${code}`)),
    );
  });
}

function parseFigureLine(stdout: string, id: string): BenchFigure[] {
  const line = stdout
    .split('\n')
    .reverse()
    .find(l => l.startsWith('BENCH_FIGURES '));
  if (!line) throw new Error(`${id} printed no BENCH_FIGURES line`);
  return JSON.parse(line.slice('BENCH_FIGURES '.length));
}

function higherIsBetter(figure: BenchFigure): boolean {
  return figure.target ? figure.target.op === '>=' : figure.unit.endsWith('/s');
}

function better(a: BenchFigure, b: BenchFigure): boolean {
  return higherIsBetter(a) ? a.value > b.value : a.value < b.value;
}

function met(figure: BenchFigure): string {
  if (!figure.target) return '';
  const { op, value } = figure.target;
  const ok = op === '>=' ? figure.value >= value : figure.value < value;
  return ok ? 'yes' : 'NO';
}

function formatLoad(load: number[]): string {
  return load.map(l => l.toFixed(1)).join(' / ');
}

function printTable(measured: Measured[]) {
  const rows = measured.map(m => {
    const reference = m.reference
      ? measured.find(r => r.measure === m.reference)
      : undefined;
    const ratio = reference
      ? `${round(m.value / reference.value, 2)} × ${reference.measure}`
      : '';
    return [
      m.measure,
      `${m.value} ${m.unit}`,
      m.target ? `${m.target.op} ${m.target.value} ${m.unit}` : '',
      met(m),
      ratio,
      `${m.runs}`,
      `${formatLoad(m.loadBefore)} → ${formatLoad(m.loadAfter)}`,
    ];
  });
  const header = [
    'measure',
    'value',
    'target',
    'met',
    'ratio to reference',
    'runs (best kept)',
    'load average (1/5/15 min) before → after',
  ];
  const table = [header, header.map(() => '---'), ...rows];
  console.log('');
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nLoad average at the end: ${formatLoad(loadavg())}`);
}

runMain(main);
