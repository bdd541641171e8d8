import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { annotationExample, installSteps } from './readme.mjs';

const fence = (lang, body) => `\`\`\`${lang}\n${body}\n\`\`\``;
const readmeWith = (...blocks) =>
  [
    '# x',
    '## Install into your Backstage app',
    'Text.',
    ...blocks,
    '### What needs an integration',
    fence('ts', 'class MyPermissionPolicy {}'),
    '## Marking a catalog entity as a Rust service',
    fence(
      'yaml',
      'metadata:\n  annotations:\n    github.com/project-slug: acme/x',
    ),
  ].join('\n\n');

test('reads yarn adds, backend imports and config of the install steps only', () => {
  const steps = installSteps(
    readmeWith(
      fence('sh', 'yarn --cwd packages/app add @a/frontend'),
      fence(
        'sh',
        '# a comment\nyarn --cwd packages/backend add @a/backend @a/backend-module-x  # both',
      ),
      fence(
        'ts',
        "// packages/backend/src/index.ts\nbackend.add(import('@a/backend'));\nbackend.add(\n  import('@a/backend-module-x'),\n);",
      ),
      fence('text', 'Some log line'),
      fence('yaml', 'backend:\n  auth: {}'),
    ),
  );
  assert.deepEqual(steps, {
    adds: [
      { cwd: 'packages/app', dev: false, names: ['@a/frontend'] },
      {
        cwd: 'packages/backend',
        dev: false,
        names: ['@a/backend', '@a/backend-module-x'],
      },
    ],
    backendImports: ['@a/backend', '@a/backend-module-x'],
    configs: ['backend:\n  auth: {}\n'],
  });
});

test('a step the check cannot follow fails, naming the block', () => {
  assert.throws(
    () => installSteps(readmeWith(fence('sh', 'npm install @a/frontend'))),
    /block sh at line \d+ of the section: cannot follow the command "npm install @a\/frontend"/,
  );
  assert.throws(
    () =>
      installSteps(
        readmeWith(
          fence('sh', 'yarn --cwd packages/app add @a/frontend'),
          fence('tsx', '// packages/app/src/App.tsx\ncreateApp({})'),
        ),
      ),
    /can edit packages\/backend\/src\/index.ts only \(the block names packages\/app\/src\/App.tsx\)/,
  );
  assert.throws(
    () => installSteps('# nothing'),
    /no heading "## Install into your Backstage app"/,
  );
  assert.throws(() => installSteps(readmeWith()), /no yarn add step/);
});

test("the repository's README: frontend and backend installed, the backend plugin wired", () => {
  const readme = readFileSync(
    new URL('../../README.md', import.meta.url),
    'utf8',
  );
  const steps = installSteps(readme);
  const names = steps.adds.flatMap(a => a.names);
  assert.ok(names.includes('@rust-build-cache/plugin-rust-build-cache'));
  assert.ok(
    names.includes('@rust-build-cache/plugin-rust-build-cache-backend'),
  );
  assert.ok(
    steps.backendImports.includes(
      '@rust-build-cache/plugin-rust-build-cache-backend',
    ),
  );
  assert.match(annotationExample(readme), /rust-build-cache\/workspace:/);
});
