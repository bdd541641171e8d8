/** Shell-quotes a workspace path only when it needs it, so the common case stays readable. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The GitHub Actions lines a service adds to send its first report: sccache as rustc
 * wrapper, incremental off (sccache never caches incremental compiles), and the reporter
 * run even when the build failed, so failing builds are reported too.
 */
export function githubActionsReportSnippet(workspacePath: string): string {
  const workspace = shellQuote(workspacePath);
  return `# In the job that builds the workspace (.github/workflows/<ci>.yml)
env:
  RUSTC_WRAPPER: sccache
  # sccache cannot cache incremental compiles
  CARGO_INCREMENTAL: "0"
steps:
  # ... checkout, Rust toolchain, sccache set-up, then: cargo build --timings
  - name: Report build cache statistics to Backstage
    if: \${{ !cancelled() }}
    run: |
      npx @rust-build-cache/ci-reporter collect --workspace ${workspace}
      npx @rust-build-cache/ci-reporter push
    env:
      RUST_BUILD_CACHE_URL: \${{ secrets.RUST_BUILD_CACHE_URL }}
      RUST_BUILD_CACHE_TOKEN: \${{ secrets.RUST_BUILD_CACHE_TOKEN }}
`;
}
