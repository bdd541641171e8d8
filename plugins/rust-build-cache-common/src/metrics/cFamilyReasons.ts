import type { NonCacheableReason } from './nonCacheableReasons';

/**
 * What sccache says about C, C++, CUDA and assembler compiler calls: every reason string of
 * `src/compiler/{gcc,clang,msvc,nvcc,nvhpc,diab,tasking_vx}.rs` from 0.4.0-pre.6 to 0.17
 * (literal `CannotCache(…)` reasons, and the flags of their argument tables marked
 * `TooHardFlag`/`TooHard`/`TooHardPath`, which sccache reports by the flag itself).
 * In a Rust build these calls come from build scripts that run a C compiler through sccache
 * (e.g. the `cc` crate with `CC="sccache cc"` or `RUSTC_WRAPPER`-style compiler wrappers).
 */

/** One description for several reason strings of the same kind. */
function cReasons(
  reasons: string[],
  text: { cause: string; fix: string; neverCacheable?: boolean },
): NonCacheableReason[] {
  return reasons.map(reason => ({
    reason,
    cause: text.cause,
    fix: text.fix,
    compiler: 'c-family',
    neverCacheable: text.neverCacheable ?? false,
    cargoProbe: false,
  }));
}

const KEEP_OUT =
  'Leave the option out of the CI builds that should be cached; builds that need it are compiled without the cache.';

export const C_FAMILY_REASONS: NonCacheableReason[] = [
  ...cReasons(['-E', '-P', '--preprocess'], {
    cause:
      'A C or C++ compiler call that only preprocesses (`-E`, or `-P`/`--preprocess` of some compilers), e.g. a build script or the `cc` crate probing the compiler through sccache.',
    fix: 'Nothing to fix: preprocessing alone produces no object to cache.',
    neverCacheable: true,
  }),
  ...cReasons(['-M', '-MM'], {
    cause:
      'A C or C++ compiler call that only prints make dependency rules (`-M` or `-MM` without `-MD`/`-MMD`), so it produces no object file.',
    fix: 'Nothing to fix: the call compiles nothing. (`-MD` and `-MMD` next to a real compile are cached.)',
    neverCacheable: true,
  }),
  ...cReasons(['-fsyntax-only'], {
    cause:
      'A C or C++ compiler call that only checks syntax (`-fsyntax-only`) and writes no object file.',
    fix: 'Nothing to fix: there is no object to cache.',
    neverCacheable: true,
  }),
  ...cReasons(['-##', '-###', '-n', '--dry-run', '-V', '-VV'], {
    cause:
      'A compiler call that only prints what it would run or its version (Wind River Diab `-##`/`-###`/`-V`/`-VV`, TASKING `-n`/`--dry-run`).',
    fix: 'Nothing to fix: the call compiles nothing.',
    neverCacheable: true,
  }),
  ...cReasons(['no input file'], {
    cause:
      'A C or C++ compile call (`-c`) without a source file, usually a tool probing the compiler.',
    fix: 'Nothing to fix: with no source there is nothing to cache.',
    neverCacheable: true,
  }),
  ...cReasons(['-'], {
    cause:
      'A C or C++ compiler read its source from standard input (`-`); sccache cannot hash what arrives on standard input. Tools that test the compiler pipe small snippets this way.',
    fix: 'Nothing to fix for such probes. Code that should be cached has to be compiled from a file.',
    neverCacheable: true,
  }),
  ...cReasons(['multiple input files'], {
    cause:
      'A C or C++ compiler call named several source files (e.g. `cc -c a.c b.c`); sccache caches calls with one source file.',
    fix: 'Compile one source file per call (the `cc` crate already does); change the build script or makefile that passes several.',
  }),
  ...cReasons(['argument parse'], {
    cause:
      'sccache could not parse the C or C++ compiler command line: an option was missing its value or had one sccache cannot read.',
    fix: 'Upgrade sccache. If the reason stays, start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to find the argument, and report it to sccache.',
  }),
  ...cReasons(['unknown source language'], {
    cause:
      'A C or C++ compiler call whose source file extension sccache does not map to a language it caches.',
    fix: 'Nothing to fix unless the file is C, C++, CUDA or assembly under an unusual extension: then rename it or pass `-x <language>`.',
  }),
  ...cReasons(['-x'], {
    cause:
      'The call set the source language with `-x` to a value sccache does not cache (current versions cache c, c++, objective-c(++), their headers, assembler, cuda and hip).',
    fix: 'Use one of those `-x` values, or leave `-x` out and let the file extension tell the language.',
  }),
  ...cReasons(['@', '-@', '--option-file', '-f'], {
    cause:
      'The call read more arguments from a response file (`@file`, Diab `-@`, TASKING `--option-file`/`-f`) that sccache could not expand: the file was missing or unreadable where the compiler ran, it was glued to another option (e.g. `-include@file`), or, before sccache 0.17, the gcc/clang response file contained quotes.',
    fix: 'Pass the arguments on the command line, or, with gcc or clang, upgrade to sccache 0.17 or later and make sure the response file exists relative to the working directory.',
  }),
  ...cReasons(
    [
      '--save-temps',
      '--save-temps=cwd',
      '--save-temps=obj',
      '-save-temps',
      '-save-temps=cwd',
      '-save-temps=obj',
    ],
    {
      cause:
        '`-save-temps` keeps the intermediate files (preprocessed source, assembly) next to the object; sccache cannot restore them from a cache entry.',
      fix: KEEP_OUT,
    },
  ),
  ...cReasons(
    [
      '-fprofile-use',
      '-fno-profile-use',
      '-fno-profile-generate',
      '-fno-profile-instr-generate',
      '-fno-profile-instr-use',
    ],
    {
      cause:
        'A profile-guided optimisation option whose profile data sccache cannot take into its key.',
      fix: KEEP_OUT,
    },
  ),
  ...cReasons(
    [
      '-fmodules',
      '-fcxx-modules',
      '-fmodules-ts',
      '-fprebuilt-implicit-modules',
      '-fprebuilt-module-path',
      'unknown module output format',
      '-experimental:module',
      '-interface',
      '-internalPartition',
      '-ifcOnly',
      '-ifcOutput',
      '-ifcSearchDir',
      '-ifcMap',
      '-reference',
      '-stdIfcDir',
    ],
    {
      cause:
        'A compile that builds or reads C++ modules (clang/GCC `-fmodules…`, MSVC `/interface`, `/reference`, `/ifc…`): sccache does not cache module compiles.',
      fix: 'These compiles stay uncached while the code uses C++ modules; nothing in the sccache setup changes that.',
    },
  ),
  ...cReasons(
    ['multiple different -arch, and SCCACHE_CACHE_MULTIARCH not set'],
    {
      cause:
        'A clang call for several architectures at once (more than one distinct `-arch`, e.g. a macOS universal build).',
      fix: 'Set SCCACHE_CACHE_MULTIARCH=1 in the environment of the sccache server (sccache 0.5.1+), or compile one architecture per call.',
    },
  ),
  ...cReasons(
    [
      "Can't handle Raw arguments with -Xclang",
      "Can't handle UnknownFlag arguments with -Xclang",
      "Can't handle complex arguments through clang",
    ],
    {
      cause:
        'The call passed an option through `-Xclang` (or clang-cl) that sccache cannot interpret.',
      fix: 'Upgrade sccache; if the reason stays, drop that `-Xclang` option from the builds that should be cached.',
    },
  ),
  ...cReasons(['-index-store-path'], {
    cause:
      "The call writes an index store (`-index-store-path`, Xcode's index-while-building), which sccache cannot restore.",
    fix: 'Turn index-while-building off for CI builds (e.g. `COMPILER_INDEX_STORE_ENABLE=NO` in Xcode).',
  }),
  ...cReasons(['-frepo', '-fplugin=libcc1plugin'], {
    cause:
      'GCC `-frepo` (template repository files) or `-fplugin=libcc1plugin` (GDB compile plugin) make the compiler read or write files sccache does not track.',
    fix: KEEP_OUT,
  }),
  ...cReasons(['-S'], {
    cause:
      'The call (Wind River Diab) compiles to assembly (`-S`) instead of an object file; sccache caches objects only.',
    fix: KEEP_OUT,
  }),
  ...cReasons(['--mil-split'], {
    cause:
      'TASKING `--mil-split` splits the output into several files that sccache cannot track.',
    fix: KEEP_OUT,
  }),
  ...cReasons(['shared pdb'], {
    cause:
      'An MSVC compile with `/Zi` or `/ZI` and no `/Fd`: its debug information goes into a PDB file shared by every compile of the directory, which sccache cannot cache.',
    fix: 'Use `/Z7` (debug information inside each object file), or name a PDB per object with `/Fd`.',
  }),
  ...cReasons(['-Yc', '-Fp'], {
    cause:
      'An MSVC compile that creates or names a precompiled header (`/Yc`, `/Fp`); sccache does not cache precompiled headers.',
    fix: 'Build without precompiled headers in CI if these compiles should be cached.',
  }),
  ...cReasons(['-FA', '-Fa', '-FR', '-Fr', '-Fi', '-Fx', '-doc'], {
    cause:
      'An MSVC option that writes an extra listing, browse, preprocessed, injected-code or XML documentation file (`/FA`, `/Fa`, `/FR`, `/Fr`, `/Fi`, `/Fx`, `/doc`) that sccache does not restore.',
    fix: KEEP_OUT,
  }),
  ...cReasons(['-Fe', '-FU', '-Gm', '-FC'], {
    cause:
      'An MSVC option sccache cannot cache: `/Fe` (the name of an executable), `/FU` (forced `#using`), `/Gm` (minimal rebuild) or, in sccache before 0.4.0, `/FC`.',
    fix: 'Compile with `/c` and link separately, and leave `/FU` and `/Gm` out of the CI builds that should be cached.',
  }),
  ...cReasons(['output to nul'], {
    cause:
      'An MSVC compile that writes its object to `nul` (a syntax check or probe): there is no object to cache.',
    fix: 'Nothing to fix: the object is thrown away.',
    neverCacheable: true,
  }),
  ...cReasons(['invalid input file'], {
    cause:
      'An MSVC compile with `/Fo<directory>` whose source path has no file name to name the object after.',
    fix: 'Pass the source as a file path, or name the object file with `/Fo<file>.obj`.',
  }),
  ...cReasons(
    [
      '--time',
      '--time=',
      '-time',
      '-time=',
      '--fdevice-time-trace',
      '--fdevice-time-trace=',
      '-fdevice-time-trace',
      '-fdevice-time-trace=',
    ],
    {
      cause:
        'An nvcc call that writes timing or trace files (`--time`, `--fdevice-time-trace`), which sccache cannot restore.',
      fix: KEEP_OUT,
    },
  ),
];
