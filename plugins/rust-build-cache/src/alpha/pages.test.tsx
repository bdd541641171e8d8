import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { rustBuildCachePolicyPage, rustBuildCachePrewarmPage } from './pages';

describe('pages (new frontend system)', () => {
  it('mounts the policy page with its nav title', () => {
    const tester = createExtensionTester(rustBuildCachePolicyPage);

    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/rust-build-cache/policy',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Cache policy');
  });

  it('mounts the pre-warming page with its nav title', () => {
    const tester = createExtensionTester(rustBuildCachePrewarmPage);

    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/rust-build-cache/prewarm',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Pre-warming');
  });
});
