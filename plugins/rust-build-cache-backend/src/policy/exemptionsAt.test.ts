import { isActiveAt } from './exemptionsAt';
import { StoredExemption } from './PolicyStore';

const exemption: StoredExemption = {
  id: 'ex-1',
  entityRef: 'component:default/billing',
  ruleId: 'effective-hit-rate',
  reason: 'migrating the cache',
  author: 'user:default/jane',
  createdAt: new Date('2026-11-10T12:00:00Z'),
  expiresAt: new Date('2026-11-20T00:00:00Z'),
  revokedAt: null,
  revokedBy: null,
};

describe('isActiveAt (the exemptions of a past day, for the trend backfill)', () => {
  it('counts an exemption from its creation until it expires', () => {
    expect(isActiveAt(exemption, new Date('2026-11-10T11:59:59Z'))).toBe(false);
    expect(isActiveAt(exemption, new Date('2026-11-10T12:00:00Z'))).toBe(true);
    expect(isActiveAt(exemption, new Date('2026-11-19T23:59:59Z'))).toBe(true);
    expect(isActiveAt(exemption, new Date('2026-11-20T00:00:00Z'))).toBe(false);
  });

  it('stops counting a revoked exemption when it was revoked', () => {
    const revoked = {
      ...exemption,
      revokedAt: new Date('2026-11-15T08:00:00Z'),
      revokedBy: 'user:default/jane',
    };
    expect(isActiveAt(revoked, new Date('2026-11-15T07:59:59Z'))).toBe(true);
    expect(isActiveAt(revoked, new Date('2026-11-15T08:00:00Z'))).toBe(false);
  });
});
