// What CI does with the packed CLI, and a free port for the app's servers.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root, run } from './proc.mjs';

/** A TCP port nothing listens on now (the app gets its own, not the demo's 3000/7007). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The report of a CI build of `service` with the packed CLI: collect (sccache statistics and
 * cargo files from -common's fixtures), then push --strict; the push must link it to the entity.
 */
export async function pushReport({
  service,
  runId,
  backendUrl,
  token,
  appDir,
  workDir,
}) {
  const fixtures = join(
    root,
    'plugins/rust-build-cache-common/src/__fixtures__',
  );
  const ws = join(workDir, 'rust-service');
  mkdirSync(ws);
  copyFileSync(join(fixtures, 'cargo/Cargo.toml'), join(ws, 'Cargo.toml'));
  copyFileSync(join(fixtures, 'cargo/Cargo.v4.lock'), join(ws, 'Cargo.lock'));
  writeFileSync(
    join(ws, 'rust-toolchain.toml'),
    '[toolchain]\nchannel = "1.95.0"\n',
  );
  const cli = join(appDir, 'node_modules/.bin/rust-build-cache');
  const env = {
    ...process.env,
    RUSTC_WRAPPER: 'sccache',
    CARGO_INCREMENTAL: '0',
    RUST_BUILD_CACHE_TOKEN: token,
  };
  await run(
    cli,
    [
      'collect',
      '--workspace',
      ws,
      '--repo-root',
      ws,
      '--sccache-stats',
      join(fixtures, 'sccache/sccache-0.4.0-serde-dbg-2.json'),
      '--repository',
      service.repository,
      '--run-id',
      runId,
      '--branch',
      'main',
      '--commit',
      'a'.repeat(40),
      '--output',
      join(workDir, 'report.json'),
    ],
    { cwd: ws, env },
  );
  const out = await run(
    cli,
    [
      'push',
      '--strict',
      '--report',
      join(workDir, 'report.json'),
      '--url',
      backendUrl,
    ],
    { cwd: ws, env },
  );
  console.log(`  ${out.trim()}`);
  const entityRef = `component:default/${service.name}`;
  if (!out.includes(`entity ${entityRef}`))
    throw new Error(`push did not link the report to ${entityRef}:\n${out}`);
}
