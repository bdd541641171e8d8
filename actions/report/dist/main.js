"use strict";

// actions/report/src/action.ts
var import_node_fs = require("node:fs");

// packages/ci-reporter/src/commands/collect.ts
var DEFAULT_REPORT_FILE = "rust-build-cache-report.json";
var collectHelp = `Usage: rust-build-cache collect [flags]

Collects sccache statistics, the toolchain pin, the Cargo.lock fingerprint, Cargo profiles,
cache-relevant environment variables and cargo timings of one build into a report file.
Run it right after the build, in the same job and environment: the workspace directory,
the cargo home and the CARGO_* variables are part of sccache's Rust cache keys, and the
report records the paths and, of every CARGO_* variable, the sha256 of its value (never
the value).

Inputs:
  --workspace DIR        Cargo workspace root (default: .)
  --repo-root DIR        repository root (default: git top level of the workspace, else .)
  --sccache-stats FILE   output of 'sccache --show-stats --stats-format=json'
                         (default: run that command; the binary is $SCCACHE_PATH or 'sccache')
  --timings FILE         cargo-timing.html of 'cargo build --timings'
                         (default: <target-dir>/cargo-timings/cargo-timing.html if present)
  --target-dir DIR       cargo's target directory (default: $CARGO_TARGET_DIR, else <workspace>/target)
  --kind ci|prewarm      a normal CI build, or a job that pre-warms the cache (default: ci)
  --cargo-profile NAME   [RUST_BUILD_CACHE_CARGO_PROFILE] the cargo profile the build used:
                         dev, release or a custom one (cargo has no variable for it)
  --target TRIPLE        [CARGO_BUILD_TARGET] the target triple the build compiled for
                         (default: unknown, i.e. the host triple)

Output:
  --output FILE          report file to write (default: ${DEFAULT_REPORT_FILE})
  --redact-paths         record the workspace directory and the cargo home only as their
                         sha256 (they are part of sccache's Rust cache keys; by default
                         the report holds the absolute paths)
  --strict               exit 1 when an input file is broken (after writing the report)

Run identity (detected on GitHub Actions, GitLab CI and Buildkite; each flag can also be set
with the environment variable in brackets, and flags win):
  --repository HOST/OWNER/NAME   [RUST_BUILD_CACHE_REPOSITORY]  (else CI variables, else git remote 'origin')
  --run-id ID                    [RUST_BUILD_CACHE_RUN_ID]      required outside a known CI
  --run-attempt N                [RUST_BUILD_CACHE_RUN_ATTEMPT] (default: 1)
  --job NAME                     [RUST_BUILD_CACHE_JOB]         (default: build)
  --branch NAME                  [RUST_BUILD_CACHE_BRANCH]      (else CI variables, else git)
  --commit SHA                   [RUST_BUILD_CACHE_COMMIT]      (else CI variables, else git)
  --run-url URL                  [RUST_BUILD_CACHE_RUN_URL]
  --started-at TIMESTAMP         [RUST_BUILD_CACHE_STARTED_AT]  ISO 8601 with time zone

Other environment variables: RUSTC (rustc to ask for its version, default 'rustc'),
SCCACHE_PATH, CARGO_TARGET_DIR, GITHUB_STEP_SUMMARY (a Markdown summary is appended on
GitHub Actions).

A broken toolchain file, Cargo.lock, Cargo.toml or timings file (or a missing --timings
file) does not cost the build's statistics: the report is written without what that file
would tell, records the file and what is wrong with it in "problems", and collect prints a
warning. The policy counts a broken toolchain file or Cargo.lock as a failing pin.

Exit codes: 0 report written (with --strict: and no input file is broken), 1 no report
(the sccache statistics or the run identity are missing or invalid, the workspace has no
Cargo.toml, the report cannot be written) or, with --strict, a report with problems,
2 bad command line.
`;

// packages/ci-reporter/src/commands/push.ts
var DEFAULT_RETRIES = 4;
var DEFAULT_TIMEOUT_MS = 1e4;
var DEFAULT_BATCH_SIZE = 100;
var REPORTS_PATH = "/api/rust-build-cache/reports";
var BATCH_PATH = "/api/rust-build-cache/reports/batch";
var pushHelp = `Usage: rust-build-cache push [flags]

Sends a report written by 'collect' to the rust-build-cache backend of Backstage
(POST <url>${REPORTS_PATH}). Sending the same report again is safe: the backend
answers that it is already stored.

Several reports (--report given more than once, e.g. the reports of all the jobs of a
workflow's matrix) are sent together through POST <url>${BATCH_PATH},
at most --batch-size per request, with one line per report; a backend without that
route (an older plugin) gets one request per report.

By default push never fails the build: if a report cannot be sent it prints a warning
and exits 0. With --strict it exits 1 (2 for a bad command line).

Flags:
  --report FILE      report to send (default: ${DEFAULT_REPORT_FILE}); repeat the flag
                     to send several
  --batch-size N     reports per request when sending several (default: ${DEFAULT_BATCH_SIZE},
                     the backend's default rustBuildCache.ingestion.maxBatchReports)
  --url URL          Backstage backend base URL, e.g. https://backstage.example.com
                     (default: $RUST_BUILD_CACHE_URL)
  --token TOKEN      bearer token accepted by the backend (default: $RUST_BUILD_CACHE_TOKEN;
                     prefer the variable: command lines are visible to other processes)
  --strict           exit non-zero when a report is not stored
  --retries N        retries after the first attempt, for network errors, timeouts,
                     408, 429 and 5xx answers (default: ${DEFAULT_RETRIES})
  --timeout-ms MS    time limit of each attempt (default: ${DEFAULT_TIMEOUT_MS})
`;

// packages/ci-reporter/src/commands/check.ts
var POLICY_PATH = "/api/rust-build-cache/policy";
var DEFAULT_ENTITY_KIND = "Component";
var checkHelp = `Usage: rust-build-cache check [flags]

Checks one report written by 'collect' against the build-cache policy and prints each rule
that fails, with what to change. Rules that need several runs (effective hit rate, stable
RUSTFLAGS) report "insufficient data" for a single report unless the policy's minimum
allows one run; that is not a failure.

Policy (one of; default: the built-in bronze/silver/gold policy):
  --policy FILE      a policy as JSON: { "baseline"?, "rules": [...], "levels": [...] }
  --url URL          fetch the organisation's policy from the Backstage backend
                     (GET <url>${POLICY_PATH})
  --token TOKEN      bearer token for --url (default: $RUST_BUILD_CACHE_TOKEN)
  --timeout-ms MS    time limit of the request (default: ${DEFAULT_TIMEOUT_MS})

Report and catalog entity (for the rules' appliesTo):
  --report FILE      report to check (default: ${DEFAULT_REPORT_FILE})
  --kind KIND        entity kind (default: ${DEFAULT_ENTITY_KIND})
  --type TYPE        entity spec.type, e.g. service
  --owner REF        owner entity ref, e.g. group:default/payments
  --lifecycle NAME   entity spec.lifecycle, e.g. production
  --tag TAG          entity tag; repeat for several

On GitHub Actions (GITHUB_STEP_SUMMARY set) a Markdown table of the results is appended to
the step summary.

Exit codes: 0 no rule of severity 'error' fails, 1 one does (or an input file or the policy
is missing or invalid), 2 bad command line.
`;

// actions/report/src/action.ts
function input(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function readInputs(env) {
  const strictText = input(env, "strict").toLowerCase() || "false";
  if (strictText !== "true" && strictText !== "false") {
    throw new Error(
      `input 'strict' must be 'true' or 'false', not '${strictText}'`
    );
  }
  const url = input(env, "url");
  if (!url)
    throw new Error(
      "input 'url' is required (the Backstage backend's base URL)"
    );
  if (!/^https?:\/\//.test(url)) {
    throw new Error(`input 'url' must be an http(s) URL, not '${url}'`);
  }
  const workspaces = input(env, "workspaces").split("\n").map((line) => line.trim()).filter(Boolean);
  return {
    url,
    token: input(env, "token"),
    workspaces: workspaces.length > 0 ? workspaces : ["."],
    strict: strictText === "true",
    cargoProfile: input(env, "cargo-profile"),
    sccacheStats: input(env, "sccache-stats")
  };
}
function command(name, message) {
  const escaped = message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  process.stdout.write(`::${name}::${escaped}
`);
}
var STARTED_AT = "started-at";
async function runMain(env = process.env) {
  try {
    const inputs = readInputs(env);
    if (inputs.token) command("add-mask", inputs.token);
    if (env.GITHUB_STATE) {
      (0, import_node_fs.appendFileSync)(
        env.GITHUB_STATE,
        `${STARTED_AT}=${(/* @__PURE__ */ new Date()).toISOString()}
`
      );
    }
    process.stdout.write(
      `rust-build-cache: reporting ${inputs.workspaces.join(", ")} to ${inputs.url} after the job's steps
`
    );
    return 0;
  } catch (error) {
    command("error", `rust-build-cache: ${error.message}`);
    return 1;
  }
}

// actions/report/src/main.ts
runMain().then((code) => {
  process.exitCode = code;
});
