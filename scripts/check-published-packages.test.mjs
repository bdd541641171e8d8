// node --test scripts/check-published-packages.test.mjs
// The rules of check-published-packages.mjs on hand-made manifests: each problem it must
// catch, and a clean manifest that must pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemsOf } from './check-published-packages.mjs';

const lock = `
"@backstage/errors@npm:1.3.2":
  version: 1.3.2
  resolution: "@backstage/errors@npm:1.3.2"
`;
const files = [
  'package/package.json',
  'package/README.md',
  'package/dist/index.cjs.js',
];
const clean = {
  name: '@x/y',
  repository: { type: 'git', url: 'git+https://example.com/x.git' },
  files: ['dist'],
  dependencies: { '@backstage/errors': '^1.3.2', zod: '^4.1.0' },
};

test('a publishable manifest passes', () => {
  assert.deepEqual(problemsOf(clean, files, lock), []);
});

test('an exact @backstage pin fails', () => {
  const m = { ...clean, dependencies: { '@backstage/errors': '1.3.2' } };
  assert.match(problemsOf(m, files, lock).join(), /exact pin "1.3.2"/);
});

test('a range that excludes the tested version fails (the old errors 1.3.1 mismatch)', () => {
  const m = {
    ...clean,
    dependencies: { '@backstage/errors': '~1.3.1 <1.3.2' },
  };
  assert.match(problemsOf(m, files, lock).join(), /does not include 1.3.2/);
});

test('a range for a package the repository never resolved fails', () => {
  const m = { ...clean, peerDependencies: { '@backstage/theme': '^0.7.3' } };
  assert.match(problemsOf(m, files, lock).join(), /resolves no version/);
});

test('a workspace: leftover fails', () => {
  const m = { ...clean, dependencies: { '@x/common': 'workspace:^' } };
  assert.match(problemsOf(m, files, lock).join(), /still "workspace:\^"/);
});

test('missing README, repository and files fail', () => {
  const { repository, files: _f, ...bare } = clean;
  const problems = problemsOf(bare, ['package/package.json'], lock);
  assert.deepEqual(problems, [
    'no README in the packed tarball',
    'no "repository" in package.json',
    'no "files" in package.json',
  ]);
});

test('a test library in dependencies fails; as an optional peer it passes', () => {
  const bad = {
    ...clean,
    dependencies: { '@backstage/backend-test-utils': '^1.11.7' },
  };
  assert.match(problemsOf(bad, files, lock).join(), /is a test library/);
  const good = {
    ...clean,
    peerDependencies: { '@backstage/backend-test-utils': '^1.11.7' },
    peerDependenciesMeta: {
      '@backstage/backend-test-utils': { optional: true },
    },
  };
  const withTestUtils = `${lock}
"@backstage/backend-test-utils@npm:1.11.7":
  version: 1.11.7
  resolution: "@backstage/backend-test-utils@npm:1.11.7"
`;
  assert.deepEqual(problemsOf(good, files, withTestUtils), []);
});
