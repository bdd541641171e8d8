// Child processes of the adoption check: each command's output goes to the check's log
// file; on failure the error carries the command and the end of its output.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export const root = new URL('../..', import.meta.url).pathname.replace(
  /\/$/,
  '',
);

/** The environment of every yarn command of the check. */
export const yarnEnv = {
  ...process.env,
  YARN_ENABLE_TELEMETRY: '0',
  YARN_ENABLE_PROGRESS_BARS: '0',
  // The app's yarn.lock is written here: under CI=true (.ci/run) Yarn would refuse to.
  YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
};

let logFile;
/** Where every command's output is appended. */
export function setLogFile(file) {
  logFile = file;
}

/**
 * Runs `cmd args` and resolves with its stdout; rejects with the command line and the last
 * lines of its output when it exits non-zero.
 */
export async function run(cmd, args, options = {}) {
  try {
    return await runOnce(cmd, args, options);
  } catch (e) {
    // One more try after a dropped connection to the registry (yarn's own retries spent).
    if (!options.retryNetwork || !NETWORK_ERROR.test(e.message)) throw e;
    console.log(
      `  (network error, once more: ${NETWORK_ERROR.exec(e.message)[0]})`,
    );
    return runOnce(cmd, args, options);
  }
}

const NETWORK_ERROR =
  /ECONNRESET|ETIMEDOUT|EAI_AGAIN|ECONNREFUSED|socket hang up/;

function runOnce(cmd, args, { cwd, env = process.env, input, quiet } = {}) {
  const line = `${cmd} ${args.join(' ')}`;
  if (logFile) appendFileSync(logFile, `\n$ (cd ${cwd}; ${line})\n`);
  if (!quiet) console.log(`  $ ${line}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let all = '';
    const collect = isOut => chunk => {
      const s = chunk.toString();
      if (isOut) stdout += s;
      all += s;
      if (all.length > 200_000) all = all.slice(-100_000);
      if (logFile) appendFileSync(logFile, s);
    };
    child.stdout.on('data', collect(true));
    child.stderr.on('data', collect(false));
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) return resolve(stdout);
      const tail = all.trimEnd().split('\n').slice(-40).join('\n');
      reject(new Error(`"${line}" (in ${cwd}) exited ${code}:\n${tail}`));
    });
  });
}
