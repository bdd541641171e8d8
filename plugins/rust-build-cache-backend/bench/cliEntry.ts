// The CLI as its bin runs it, for bench/cli.ts to bundle.
import { main } from '@rust-build-cache/ci-reporter';

main(process.argv.slice(2));
