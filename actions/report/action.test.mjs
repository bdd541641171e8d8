// node --test actions/report/action.test.mjs
// Runs the committed, bundled action (dist/main.js, then dist/post.js) as the GitHub runner
// does: inputs in INPUT_* variables, GITHUB_* variables of a run, the state file between
// the steps, against a backend on a loopback HTTP server. The sccache statistics are a real
// `sccache --show-stats --stats-format=json` answer saved in -common's fixtures.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const here = new URL('.', import.meta.url).pathname;
const fixtures = join(here, '../../packages/ci-reporter/src/__fixtures__');
const STATS = join(
  here,
  '../../plugins/rust-build-cache-common/src/__fixtures__/sccache/sccache-0.4.0-serde-dbg-2.json',
);
const TOKEN = 'action-test-token-0123456789';

let dir;
let server;
let baseUrl;
let received = [];
let answer = () => [
  201,
  {
    id: 'r-1',
    created: true,
    entityRef: 'component:default/billing',
    entityStatus: 'linked',
  },
];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rbc-action-test-'));
  // A Cargo workspace as checked out in GITHUB_WORKSPACE.
  writeFileSync(
    join(dir, 'Cargo.toml'),
    '[package]\nname = "billing"\nversion = "0.1.0"\nedition = "2021"\n\n[profile.dev]\ndebug = 1\n',
  );
  copyFileSync(join(fixtures, 'Cargo.lock'), join(dir, 'Cargo.lock'));
  writeFileSync(
    join(dir, 'rust-toolchain.toml'),
    '[toolchain]\nchannel = "1.95.0"\n',
  );
  server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      const [status, json] = answer();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The environment the runner gives both steps of the action. */
function runnerEnv(inputs) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/billing',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    // No sccache server in this job: the statistics come from the saved file.
    SCCACHE_PATH: join(dir, 'no-sccache-here'),
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return env;
}

function run(script, env) {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [join(here, 'dist', script)],
      { env, cwd: dir },
      (error, stdout, stderr) =>
        resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

/** main, then post with the state main saved, as the runner does. */
async function runAction(inputs) {
  const stateFile = join(dir, `state-${Date.now()}`);
  writeFileSync(stateFile, '');
  const env = runnerEnv(inputs);
  const main = await run('main.js', { ...env, GITHUB_STATE: stateFile });
  const state = Object.fromEntries(
    readFileSync(stateFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const at = line.indexOf('=');
        return [`STATE_${line.slice(0, at)}`, line.slice(at + 1)];
      }),
  );
  const post = await run('post.js', { ...env, ...state });
  return { main, post, state };
}

test('action.yml runs dist/post.js after the job, also when the build failed', () => {
  const yml = readFileSync(join(here, 'action.yml'), 'utf8');
  assert.match(yml, /^ {2}main: dist\/main\.js$/m);
  assert.match(yml, /^ {2}post: dist\/post\.js$/m);
  assert.match(yml, /^ {2}post-if: always\(\)$/m);
  for (const name of ['url', 'token', 'workspaces', 'strict']) {
    assert.match(yml, new RegExp(`^ {2}${name}:$`, 'm'));
  }
});

test('collects and pushes the report of the run, with the token and the start time', async () => {
  received = [];
  const { main, post, state } = await runAction({
    url: baseUrl,
    token: TOKEN,
    workspaces: '.',
    strict: 'true',
    'sccache-stats': STATS,
  });
  assert.equal(main.code, 0, main.stdout + main.stderr);
  assert.match(main.stdout, new RegExp(`^::add-mask::${TOKEN}$`, 'm'));
  assert.equal(post.code, 0, post.stdout + post.stderr);
  assert.match(
    post.stdout,
    /Report stored: id r-1, entity component:default\/billing/,
  );

  assert.equal(received.length, 1);
  const [request] = received;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, '/api/rust-build-cache/reports');
  assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
  const report = JSON.parse(request.body);
  assert.deepEqual(report.source.repository, {
    host: 'github.com',
    owner: 'acme',
    name: 'billing',
  });
  assert.equal(report.source.workspacePath, '.');
  assert.equal(report.source.ci.provider, 'github-actions');
  assert.equal(report.source.ci.runId, '4242');
  assert.match(
    state['STATE_started-at'],
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  );
  assert.equal(report.source.startedAt, state['STATE_started-at']);
  const stats = JSON.parse(readFileSync(STATS, 'utf8')).stats;
  assert.equal(report.sccache.counters.compileRequests, stats.compile_requests);
  assert.equal(report.toolchain.file.channel, '1.95.0');
  assert.equal(report.dependencies.lockVersion, 4);
});

test('never fails the build by default when the backend fails, and says so', async () => {
  received = [];
  // 400 is final (a 5xx would be retried with backoff for seconds).
  answer = () => [
    400,
    { error: { name: 'InputError', message: 'Invalid report' } },
  ];
  try {
    const { post } = await runAction({
      url: baseUrl,
      token: TOKEN,
      'sccache-stats': STATS,
    });
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(
      post.stdout,
      /^::warning::rust-build-cache: the report of \. was not stored/m,
    );
    const strict = await runAction({
      url: baseUrl,
      token: TOKEN,
      strict: 'true',
      'sccache-stats': STATS,
    });
    assert.equal(strict.post.code, 1);
    assert.match(
      strict.post.stdout,
      /^::error::rust-build-cache: the report of \. was not stored/m,
    );
  } finally {
    answer = () => [
      201,
      { id: 'r-1', created: true, entityRef: null, entityStatus: 'no-entity' },
    ];
  }
});

test('without a token it collects, warns and pushes nothing (pull requests from forks)', async () => {
  received = [];
  const { post } = await runAction({
    url: baseUrl,
    token: '',
    'sccache-stats': STATS,
  });
  assert.equal(post.code, 0, post.stdout + post.stderr);
  assert.match(
    post.stdout,
    /^::warning::rust-build-cache: no token, so the report of \. was not pushed/m,
  );
  assert.equal(received.length, 0);
});

test('without sccache statistics it warns by default and fails with strict', async () => {
  received = [];
  // The earlier tests left a report in RUNNER_TEMP: it must not be pushed as this run's.
  const lenient = await runAction({ url: baseUrl, token: TOKEN });
  assert.equal(lenient.post.code, 0, lenient.post.stdout + lenient.post.stderr);
  assert.match(
    lenient.post.stdout,
    /^::warning::rust-build-cache: no report for \. \(collect exited 1\)/m,
  );
  assert.match(lenient.post.stderr, /sccache not found/);
  assert.equal(received.length, 0);
  const strict = await runAction({
    url: baseUrl,
    token: TOKEN,
    strict: 'true',
  });
  assert.equal(strict.post.code, 1);
  assert.match(
    strict.post.stdout,
    /^::error::rust-build-cache: no report for \./m,
  );
});

test('a bad input fails the main step at the top of the job', async () => {
  const { main } = await runAction({
    url: 'backstage.example.com',
    token: TOKEN,
  });
  assert.equal(main.code, 1);
  assert.match(
    main.stdout,
    /^::error::rust-build-cache: input 'url' must be an http\(s\) URL/m,
  );
});

test("the bundle keeps zod's English messages (its other locales are left out)", async () => {
  received = [];
  const { post } = await runAction({
    url: baseUrl,
    token: TOKEN,
    strict: 'true',
    'sccache-stats': STATS,
    'cargo-profile': 'p'.repeat(101),
  });
  assert.equal(post.code, 1, post.stdout + post.stderr);
  assert.match(
    post.stderr,
    /does not match report schema[^]*build\.cargoProfile: Too big: expected string to have <=100 characters/,
  );
  assert.equal(received.length, 0);
  // Words of two of the left-out locales (German, French; both in the bundle before).
  const bundle = readFileSync(join(here, 'dist', 'post.js'), 'utf8');
  assert.doesNotMatch(bundle, /erwartet|invalide/);
});
