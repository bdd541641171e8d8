import { Entity } from '@backstage/catalog-model';
import {
  entitySourceKey,
  normaliseRepository,
  normaliseWorkspacePath,
} from './reportSources';

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'billing', annotations },
  };
}

describe('normaliseWorkspacePath', () => {
  it.each([
    ['.', '.'],
    ['./', '.'],
    ['', '.'],
    ['services/billing', 'services/billing'],
    ['./services/billing/', 'services/billing'],
    ['services//billing', 'services/billing'],
    ['services/./billing', 'services/billing'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseWorkspacePath(input)).toBe(expected);
  });

  it('keeps case: file systems of CI runners are case-sensitive', () => {
    expect(normaliseWorkspacePath('Services/Billing')).toBe('Services/Billing');
  });
});

describe('normaliseRepository', () => {
  it('lower-cases and drops trailing slashes', () => {
    expect(normaliseRepository(' GitHub.com/Acme/Platform/ ')).toBe(
      'github.com/acme/platform',
    );
  });
});

describe('entitySourceKey', () => {
  it('prefers the explicit repository annotation', () => {
    expect(
      entitySourceKey(
        entityWith({
          'rust-build-cache/workspace': './services/billing',
          'rust-build-cache/repository': 'git.example.com/Team/Sub/Platform',
          'github.com/project-slug': 'acme/elsewhere',
        }),
      ),
    ).toEqual({
      repository: 'git.example.com/team/sub/platform',
      workspacePath: 'services/billing',
    });
  });

  it('falls back to the GitHub, then the GitLab project slug', () => {
    expect(
      entitySourceKey(
        entityWith({
          'rust-build-cache/workspace': '.',
          'github.com/project-slug': 'Acme/Platform',
          'gitlab.com/project-slug': 'acme/other',
        }),
      ),
    ).toEqual({ repository: 'github.com/acme/platform', workspacePath: '.' });
    expect(
      entitySourceKey(
        entityWith({
          'rust-build-cache/workspace': '.',
          'gitlab.com/project-slug': 'group/subgroup/platform',
        }),
      ),
    ).toEqual({
      repository: 'gitlab.com/group/subgroup/platform',
      workspacePath: '.',
    });
  });

  it('is undefined without a workspace or without any repository annotation', () => {
    expect(
      entitySourceKey(
        entityWith({ 'github.com/project-slug': 'acme/platform' }),
      ),
    ).toBeUndefined();
    expect(
      entitySourceKey(entityWith({ 'rust-build-cache/workspace': '.' })),
    ).toBeUndefined();
  });
});
