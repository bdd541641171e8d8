/**
 * The `rust-build-cache` CLI: collects the sccache statistics of a Rust build in CI and sends
 * them to the rust-build-cache plugin of Backstage.
 *
 * @packageDocumentation
 */
import { runCli } from './cli';
import { createNodeSystem } from './lib/system';

export { runCli } from './cli';
export type { System, CommandOutcome, Env } from './lib/system';

/** Entry point of `bin/rust-build-cache`. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await runCli(argv, createNodeSystem());
}
