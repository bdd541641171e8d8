// Reads the install steps of the repository's README, so that the adoption check follows
// exactly what an adopter reads. The steps are the fenced blocks between the heading
// "## Install into your Backstage app" and the next heading; each must be one the check
// understands, otherwise it fails naming the block (a step the check cannot follow is a
// step an adopter may not be able to follow either):
//   - sh:   `yarn --cwd <workspace> add [-D] <package>...` lines;
//   - ts:   a block starting with `// packages/backend/src/index.ts`: its
//           `backend.add(import('<package>'))` calls;
//   - yaml: app-config, loaded on top of the app's own;
//   - text: expected output, not an action.

export const INSTALL_HEADING = '## Install into your Backstage app';
export const ANNOTATION_HEADING =
  '## Marking a catalog entity as a Rust service';

/** The text from `heading` up to the next heading of any level (outside code blocks). */
function stepsOf(readme, heading) {
  const start = readme.split('\n').findIndex(l => l.trim() === heading);
  if (start < 0) throw new Error(`README: no heading "${heading}"`);
  const lines = readme.split('\n').slice(start + 1);
  let inFence = false;
  const end = lines.findIndex(l => {
    if (l.startsWith('```')) inFence = !inFence;
    return !inFence && /^#{1,6} /.test(l);
  });
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}

/** Fenced code blocks: `[{ lang, body, line }]` (line: 1-based within the text). */
export function fencedBlocks(text) {
  const blocks = [];
  const re = /^```(\w*)\n([\s\S]*?)^```\s*$/gm;
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    blocks.push({ lang: m[1], body: m[2], line });
  }
  return blocks;
}

function parseShell(body, where) {
  const adds = [];
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^yarn\s+(?:--cwd\s+(\S+)\s+)?add\s+(.+)$/.exec(line);
    if (!m) throw new Error(`${where}: cannot follow the command "${line}"`);
    const words = m[2].split(/\s+/);
    const dev = words.some(w => w === '-D' || w === '--dev');
    const names = words.filter(w => !w.startsWith('-'));
    adds.push({ cwd: m[1] ?? '.', dev, names });
  }
  return adds;
}

function parseBackendIndex(body, where) {
  const imports = [
    ...body.matchAll(/backend\.add\(\s*import\(\s*'([^']+)'\s*\)\s*,?\s*\)/g),
  ].map(m => m[1]);
  if (imports.length === 0)
    throw new Error(`${where}: no backend.add(import('…')) in the block`);
  return imports;
}

/**
 * The install steps of the README: `{ adds, backendImports, configs }`.
 * `adds`: `[{ cwd, dev, names }]` in README order; `configs`: YAML texts.
 */
export function installSteps(readme) {
  const text = stepsOf(readme, INSTALL_HEADING);
  const steps = { adds: [], backendImports: [], configs: [] };
  for (const { lang, body, line } of fencedBlocks(text)) {
    const where = `README "${INSTALL_HEADING}", block ${
      lang || '(no language)'
    } at line ${line} of the section`;
    if (lang === 'sh' || lang === 'bash') {
      steps.adds.push(...parseShell(body, where));
    } else if (lang === 'ts' || lang === 'tsx') {
      const file = /^\/\/\s*(\S+)/.exec(body)?.[1];
      if (file !== 'packages/backend/src/index.ts')
        throw new Error(
          `${where}: the check can edit packages/backend/src/index.ts only (the block names ${
            file ?? 'no file'
          })`,
        );
      steps.backendImports.push(...parseBackendIndex(body, where));
    } else if (lang === 'yaml' || lang === 'yml') {
      steps.configs.push(body);
    } else if (lang !== 'text') {
      throw new Error(`${where}: unknown kind of step`);
    }
  }
  if (steps.adds.length === 0)
    throw new Error(`README "${INSTALL_HEADING}": no yarn add step`);
  return steps;
}

/** The YAML example of the section on annotating catalog entities. */
export function annotationExample(readme) {
  const blocks = fencedBlocks(stepsOf(readme, ANNOTATION_HEADING)).filter(
    b => b.lang === 'yaml',
  );
  if (blocks.length === 0)
    throw new Error(`README "${ANNOTATION_HEADING}": no yaml example`);
  return blocks[0].body;
}
