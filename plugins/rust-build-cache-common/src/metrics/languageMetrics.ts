import type { SccacheCounters } from '../report/schema';
import {
  describeNonCacheableReason,
  RUST_LANGUAGE,
  type NonCacheableReason,
} from './nonCacheableReasons';
import type { LanguageMetrics, RunMetrics } from './types';

/** sccache's group for C-family calls when a run counted no C-family compile. */
const DEFAULT_C_LANGUAGE = 'C/C++';

type LanguageCounts = Omit<LanguageMetrics, 'hitRate' | 'effectiveHitRate'>;

/** What `computeRunMetrics` takes from the counters, per language. */
export interface LanguageBreakdown {
  /** Language counts without rates, Rust first. */
  counts: LanguageCounts[];
  rustCompiled: boolean;
  sharedReasons: RunMetrics['sharedReasons'];
  excludedFromEffective: RunMetrics['excludedFromEffective'];
}

/**
 * A language's count, 0 when the map lacks it. Own keys only: the names come from the
 * report, and `counts.constructor` of a map without that key is Object's constructor.
 */
function countOf(counts: Record<string, number>, language: string): number {
  return Object.hasOwn(counts, language) ? counts[language] : 0;
}

/** Language groups that compiled in the run: any hit, miss or cache error. */
export function compiledLanguages(counters: SccacheCounters): string[] {
  const languages = new Set<string>();
  for (const counts of [counters.hits, counters.misses, counters.errors])
    for (const [language, count] of Object.entries(counts))
      if (count > 0) languages.add(language);
  return [...languages];
}

/**
 * Splits the counters by language group and counts each non-cacheable reason against the
 * groups whose compiler can report it: a reason only rustc reports against Rust, a reason
 * only the C family reports against the run's C-family groups (`C/C++` if it counted none),
 * and a reason both report (or one the catalog does not know) against the side that
 * compiled in the run, or against both sides when both did.
 */
export function breakDownByLanguage(
  counters: SccacheCounters,
): LanguageBreakdown {
  const compiled = compiledLanguages(counters);
  const byLanguage = new Map<string, LanguageCounts>();
  const entry = (language: string) => {
    let counts = byLanguage.get(language);
    if (!counts) {
      counts = {
        language,
        hits: countOf(counters.hits, language),
        misses: countOf(counters.misses, language),
        errors: countOf(counters.errors, language),
        avoidableNotCached: 0,
      };
      byLanguage.set(language, counts);
    }
    return counts;
  };
  compiled.forEach(entry);

  // Binaries, build scripts and proc-macros are Rust compiles even though never cached.
  let rustNeverCacheable = 0;
  const sharedReasons: RunMetrics['sharedReasons'] = [];
  const excludedFromEffective: RunMetrics['excludedFromEffective'] = [];
  for (const [reason, count] of Object.entries(counters.notCached)) {
    if (count === 0) continue;
    const descriptions = describeNonCacheableReason(reason, compiled);
    if (
      descriptions.some(
        d => d.compiler === 'rust' && d.neverCacheable && !d.cargoProbe,
      )
    )
      rustNeverCacheable += count;
    const avoidable = descriptions.filter(d => !d.neverCacheable);
    if (avoidable.length === 0) {
      excludedFromEffective.push({ reason, count });
      continue;
    }
    const targets = [
      ...new Set(avoidable.flatMap(d => targetLanguages(d, compiled))),
    ];
    for (const language of targets) entry(language).avoidableNotCached += count;
    if (targets.length > 1)
      sharedReasons.push({ reason, count, languages: targets.sort() });
  }

  const rust = byLanguage.get(RUST_LANGUAGE);
  const rustCompiled =
    (rust !== undefined &&
      rust.hits + rust.misses + rust.errors + rust.avoidableNotCached > 0) ||
    rustNeverCacheable > 0;
  const size = (c: LanguageCounts) =>
    c.hits + c.misses + c.errors + c.avoidableNotCached;
  const counts = [...byLanguage.values()].sort(
    (a, b) =>
      Number(b.language === RUST_LANGUAGE) -
        Number(a.language === RUST_LANGUAGE) ||
      size(b) - size(a) ||
      (a.language < b.language ? -1 : 1),
  );
  const byCount = (
    a: { reason: string; count: number },
    b: { reason: string; count: number },
  ) => b.count - a.count || (a.reason < b.reason ? -1 : 1);
  return {
    counts,
    rustCompiled,
    sharedReasons: sharedReasons.sort(byCount),
    excludedFromEffective: excludedFromEffective.sort(byCount),
  };
}

function targetLanguages(
  description: NonCacheableReason,
  compiled: string[],
): string[] {
  const cFamily = compiled.filter(language => language !== RUST_LANGUAGE);
  switch (description.compiler) {
    case 'rust':
      return [RUST_LANGUAGE];
    case 'c-family':
      return cFamily.length > 0 ? cFamily : [DEFAULT_C_LANGUAGE];
    default:
      // A reason the catalog does not know: any compiler of the run may have reported it.
      return compiled.length > 0 ? compiled : [RUST_LANGUAGE];
  }
}
