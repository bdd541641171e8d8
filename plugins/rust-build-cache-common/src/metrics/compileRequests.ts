import type { SccacheStats } from '../report/schema';

/**
 * The compile requests sccache handled, and whether it counted them itself.
 *
 * In client-side mode (`SCCACHE_CLIENT_SIDE`, sccache 0.17+) each wrapper process compiles
 * on its own and sends its statistics to the server afterwards; `compile_requests` is
 * counted only by the server for requests forwarded to it, so it stays 0 while hits, misses
 * and `requests_executed` are counted (sccache v0.17.0 `src/server.rs`, `handle_client`;
 * mozilla/sccache#2804). The requests are then the sum of their outcomes: executed,
 * not cacheable, not a compile, unsupported compiler.
 * @public
 */
export function countCompileRequests(counters: SccacheStats['counters']): {
  requests: number;
  /** True when sccache counted no compile requests although it handled some. */
  clientSideMode: boolean;
} {
  const outcomes =
    counters.requestsExecuted +
    counters.requestsNotCacheable +
    counters.requestsNotCompile +
    counters.requestsUnsupportedCompiler;
  if (counters.compileRequests === 0 && counters.requestsExecuted > 0) {
    return { requests: outcomes, clientSideMode: true };
  }
  return { requests: counters.compileRequests, clientSideMode: false };
}
