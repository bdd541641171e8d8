import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addedVersions, lockfileVersions } from './lockfile.mjs';

const lock = entries =>
  `# yarn lockfile v8\n\n__metadata:\n  version: 8\n  cacheKey: 10\n\n${entries.join(
    '\n',
  )}`;
const entry = (descriptor, resolution, version) =>
  `"${descriptor}":\n  version: ${version}\n  resolution: "${resolution}"\n  languageName: node\n  linkType: hard\n`;

const before = lock([
  entry('@backstage/errors@npm:^1.3.1', '@backstage/errors@npm:1.3.2', '1.3.2'),
  entry('react@npm:^18.0.2', 'react@npm:18.3.1', '18.3.1'),
  entry(
    'resolve@patch:resolve@npm%3A^1.22.0#~builtin<compat/resolve>',
    'resolve@patch:resolve@npm%3A1.22.8#~builtin<compat/resolve>::version=1.22.8&hash=c3c19d',
    '1.22.8',
  ),
  entry('resolve@npm:^1.22.0', 'resolve@npm:1.22.8', '1.22.8'),
  entry(
    'app@workspace:packages/app',
    'app@workspace:packages/app',
    '0.0.0-use.local',
  ),
]);

test('reads names and versions, leaving workspaces out and patches as their version', () => {
  const versions = lockfileVersions(before);
  assert.deepEqual(
    [...versions].map(([name, v]) => [name, [...v]]),
    [
      ['@backstage/errors', ['1.3.2']],
      ['react', ['18.3.1']],
      ['resolve', ['1.22.8']],
    ],
  );
});

test('a second version of a package the app had is reported; new packages are not', () => {
  const after = lock([
    entry(
      '@backstage/errors@npm:^1.3.1',
      '@backstage/errors@npm:1.3.2',
      '1.3.2',
    ),
    entry(
      '@backstage/errors@npm:1.4.0',
      '@backstage/errors@npm:1.4.0',
      '1.4.0',
    ),
    entry('react@npm:^18.0.2', 'react@npm:18.3.1', '18.3.1'),
    entry('recharts@npm:^2.15.0', 'recharts@npm:2.15.4', '2.15.4'),
    entry(
      '@rust-build-cache/plugin-rust-build-cache@file:/tmp/x.tgz',
      '@rust-build-cache/plugin-rust-build-cache@file:/tmp/x.tgz::locator=app%40workspace%3Apackages%2Fapp',
      '0.1.0',
    ),
  ]);
  assert.deepEqual(
    addedVersions(lockfileVersions(before), lockfileVersions(after)),
    [{ name: '@backstage/errors', before: ['1.3.2'], added: ['1.4.0'] }],
  );
});

test('an empty or malformed lockfile is an error, not "no duplicates"', () => {
  assert.throws(() => lockfileVersions(''), /lists no packages/);
  assert.throws(
    () => lockfileVersions('"x@npm:1":\n  resolution: "x@npm:1.0.0"\n'),
    /has no version/,
  );
});
