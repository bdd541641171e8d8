import type { System } from './system';

/** Answers from `git` in one directory, each asked at most once; null when git cannot tell. */
export interface GitQueries {
  toplevel(): Promise<string | null>;
  branch(): Promise<string | null>;
  commit(): Promise<string | null>;
  originUrl(): Promise<string | null>;
}

export function createGitQueries(system: System, dir: string): GitQueries {
  const cache = new Map<string, Promise<string | null>>();
  const ask = (...args: string[]) => {
    const key = args.join(' ');
    let answer = cache.get(key);
    if (!answer) {
      answer = system
        .runCommand('git', args, { cwd: dir })
        .then(outcome =>
          outcome.found &&
          outcome.exitCode === 0 &&
          outcome.stdout.trim() !== ''
            ? outcome.stdout.trim()
            : null,
        );
      cache.set(key, answer);
    }
    return answer;
  };
  return {
    toplevel: () => ask('rev-parse', '--show-toplevel'),
    // A detached HEAD (usual in CI checkouts) has no branch name: git prints `HEAD`.
    branch: async () => {
      const name = await ask('rev-parse', '--abbrev-ref', 'HEAD');
      return name === 'HEAD' ? null : name;
    },
    commit: () => ask('rev-parse', 'HEAD'),
    originUrl: () => ask('remote', 'get-url', 'origin'),
  };
}
