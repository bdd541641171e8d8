/**
 * The claims that ../shared/reference/rust-caching-facts.md §6 lists as false, as patterns
 * that no text shown to users may match. One list, used by every test of user-facing text.
 */
export const FALSE_CLAIMS: Array<[claim: string, pattern: RegExp]> = [
  ['SCCACHE_NAMESPACE does not exist', /SCCACHE_NAMESPACE/i],
  [
    'codegen-units=1 does not speed up compiles',
    /codegen[-_ ]units[^.]*(speed|faster)|(speed|faster)[^.]*codegen[-_ ]units/i,
  ],
  [
    'sccache has no HTTP stats endpoint (4226 is its bincode IPC port)',
    /\bhttp\b[^.]*(stats|metrics)|(stats|metrics)[^.]*(\bhttp\b|endpoint)|prometheus|4226/i,
  ],
  [
    'the disk cache has no TTL (7 days is GitHub Actions eviction)',
    /\bTTL\b|expires? after|7 days/i,
  ],
  ['incremental became the dev default in Rust 1.24, not 1.0', /Rust 1\.0\b/],
  ['sccache does not verify checksums on download', /verif\w* checksum/i],
];
