export * from './types';
export * from './policySchema';
export * from './rules';
export * from './evaluatePolicy';
export { DEFAULT_POLICY } from './defaultPolicy';
