import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { parseSccacheStats } from '@rust-build-cache/plugin-rust-build-cache-common';
import { exampleReport, runFromReport } from '../../__testUtils__/exampleRuns';
import { LatestRunCard } from './LatestRunCard';

const FIXTURES = join(
  dirname(
    require.resolve(
      '@rust-build-cache/plugin-rust-build-cache-common/package.json',
    ),
  ),
  'src/__fixtures__/sccache',
);

/** The example report with the statistics of a fixture of -common. */
async function renderWithStats(name: string) {
  const report = exampleReport();
  report.sccache = parseSccacheStats(
    readFileSync(join(FIXTURES, `${name}.json`), 'utf8'),
  );
  await renderInTestApp(<LatestRunCard run={runFromReport(report)} />);
}

function valueOf(label: string) {
  return screen.getByText(label, { selector: 'th' })
    .nextElementSibling as HTMLElement;
}

describe('LatestRunCard', () => {
  it("shows Rust's and C/C++'s own hit rates for a Rust build whose build scripts compile C", async () => {
    await renderWithStats('sccache-0.8.2-constructed-rust-and-c');
    expect(valueOf('Rust')).toHaveTextContent(
      'hit rate 66.7%, effective 60.0%12 hits, 6 misses, 0 cache errors',
    );
    expect(valueOf('C/C++')).toHaveTextContent(
      'hit rate 12.5%, effective 12.5%2 hits, 14 misses, 0 cache errors',
    );
    expect(screen.queryByText(/41\.2%/)).not.toBeInTheDocument();
  });

  it('says that no Rust went through sccache for a C/C++-only run', async () => {
    await renderWithStats('sccache-0.10.0-constructed-c-only');
    expect(valueOf('Rust')).toHaveTextContent(
      /^No Rust compilations went through sccache/,
    );
    expect(valueOf('C/C++')).toHaveTextContent('hit rate 92.7%');
    expect(screen.queryByText('Left out')).not.toBeInTheDocument();
  });

  it('shows each level of a disk + S3 cache with its backend and hit rate', async () => {
    await renderWithStats('sccache-0.15.0-constructed-multi-level');
    const levels = within(
      screen.getByRole('table', { name: 'cache levels' }),
    ).getAllByRole('row');
    expect(
      screen.getByRole('heading', { name: 'Cache levels' }),
    ).toBeInTheDocument();
    expect(levels.map(row => row.textContent)).toEqual([
      'L0 (disk)hit rate 41.7% (10 hits, 14 misses)local /home/runner/.cache/sccache · 4 writes, 0 failed · copied in 9, out 0',
      'L1 (s3)hit rate 71.4% (10 hits, 4 misses)s3 acme-sccache /rust/ · 3 writes, 1 failed · copied in 0, out 10',
    ]);
    // The background write that failed at L1.
    expect(valueOf('Write errors')).toHaveTextContent(/^1Compile results/);
  });

  it('says in client-side mode that sccache counted neither the requests nor the level lookups', async () => {
    await renderWithStats('sccache-0.17.0-constructed-client-side-multi-level');
    expect(valueOf('Compile requests')).toHaveTextContent(
      /^30sccache ran in client-side mode \(SCCACHE_CLIENT_SIDE\) and counted none/,
    );
    const levels = within(
      screen.getByRole('table', { name: 'cache levels' }),
    ).getAllByRole('row');
    expect(levels.map(row => row.textContent)).toEqual([
      'L0 (disk)hits and misses not countedlocal /home/runner/.cache/sccache · 4 writes, 0 failed · copied in 0, out 0',
      'L1 (s3)hits and misses not counteds3 acme-sccache /rust/ · 4 writes, 0 failed · copied in 0, out 0',
    ]);
    expect(
      screen.getByText(/the wrappers read the cache themselves/),
    ).toBeInTheDocument();
    // The run's own hit rate is still sccache's count of hits and misses.
    expect(valueOf('Rust')).toHaveTextContent(/^hit rate 83\.3%/);
  });

  it('names timeouts and write errors with their meaning and fix', async () => {
    await renderWithStats('sccache-0.14.0-constructed-timeouts');
    expect(valueOf('Cache timeouts')).toHaveTextContent(
      /^2The cache did not answer a lookup within 60 seconds.*Fix: /,
    );
    expect(valueOf('Write errors')).toHaveTextContent(
      /^4Compile results that could not be stored.*Fix: /,
    );
    expect(valueOf('Read errors')).toHaveTextContent(/^0$/);
  });

  it('labels unreadable entries and a syntax error differently', async () => {
    await renderWithStats('sccache-0.5.4-constructed-read-errors');
    expect(valueOf('Read errors')).toHaveTextContent(
      /^3Cache entries that could not be read/,
    );
    expect(valueOf('Errors before the lookup')).toHaveTextContent(/^0$/);
  });

  it('labels a syntax error as an error before the lookup, no cache fault', async () => {
    await renderWithStats('sccache-0.6.0-constructed-syntax-error');
    expect(valueOf('Errors before the lookup')).toHaveTextContent(
      /^1Cache errors without a miss.*syntax error.*no cache fault/,
    );
    expect(valueOf('Read errors')).toHaveTextContent(/^0$/);
  });
});
