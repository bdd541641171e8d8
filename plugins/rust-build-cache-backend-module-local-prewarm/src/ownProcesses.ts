import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { hostname } from 'node:os';

/**
 * Linux process facts from /proc, for telling later whether a process still lives and
 * whether it is one this backend started. Elsewhere (no /proc) nothing can be proven:
 * no process counts as gone, and none is found.
 */

/** Enough to tell later whether the process is still the same one. */
export interface ProcessIdentity {
  host: string;
  pid: number;
  /** The kernel's boot id; null without /proc. */
  bootId: string | null;
  /** Start time in clock ticks after boot (/proc/<pid>/stat); null without /proc. */
  startTime: string | null;
}

interface ProcessStat {
  /** `R`, `S`, `Z` (zombie: exited, not yet reaped), ... */
  state: string;
  startTime: string;
}

async function readStat(pid: number): Promise<ProcessStat | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return null;
  }
}

async function bootId(): Promise<string | null> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
  } catch {
    return null;
  }
}

/** Whether the process runs (a zombie has exited). */
export async function isProcessAlive(pid: number): Promise<boolean> {
  const stat = await readStat(pid);
  return stat !== null && stat.state !== 'Z';
}

/** This process, as {@link isProcessGone} can check it later. */
export async function currentProcessIdentity(): Promise<ProcessIdentity> {
  return {
    host: hostname(),
    pid: process.pid,
    bootId: await bootId(),
    startTime: (await readStat(process.pid))?.startTime ?? null,
  };
}

/**
 * True only when the process is provably gone: it ran on this host, and since then the
 * host rebooted, or its pid is free, a zombie, or another process's (another start time).
 * A process on another host, or without /proc to ask, is never proven gone.
 */
export async function isProcessGone(
  identity: ProcessIdentity,
): Promise<boolean> {
  if (identity.host !== hostname() || identity.startTime === null) {
    return false;
  }
  const currentBoot = await bootId();
  if (currentBoot === null) return false;
  if (identity.bootId !== currentBoot) return true;
  const stat = await readStat(identity.pid);
  return (
    stat === null || stat.state === 'Z' || stat.startTime !== identity.startTime
  );
}

/**
 * Live sccache processes whose environment holds `name=value`: the proof that this backend
 * started them, since it sets such a variable only on the sccache servers it starts. Only
 * processes of this user can be read; the others are skipped.
 */
export async function findMarkedSccacheProcesses(
  name: string,
  value: string,
): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const marker = `${name}=${value}`;
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
      if (!environ.split('\0').includes(marker)) continue;
      // `/usr/bin/sccache`, or `... (deleted)` after an upgrade of the binary.
      const exe = basename(
        (await readlink(`/proc/${pid}/exe`)).replace(/ \(deleted\)$/, ''),
      );
      if (exe.includes('sccache') && (await isProcessAlive(pid))) {
        found.push(pid);
      }
    } catch {
      // Gone meanwhile, or another user's process.
    }
  }
  return found;
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. True once it has exited. */
export async function stopProcess(
  pid: number,
  graceMs = 5_000,
): Promise<boolean> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Exited already.
    }
  };
  const exited = async (withinMs: number) => {
    const deadline = Date.now() + withinMs;
    while (await isProcessAlive(pid)) {
      if (Date.now() > deadline) return false;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    return true;
  };
  signal('SIGTERM');
  if (await exited(graceMs)) return true;
  signal('SIGKILL');
  return exited(graceMs);
}
