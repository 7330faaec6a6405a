/**
 * A small filesystem of its own (tmpfs) to fill up: a real "No space left on
 * device" for PostgreSQL, without touching the machine's disks. Mounting
 * needs root (CI runs as root here, or with passwordless sudo on hosted
 * runners); without either this says so and the test fails, rather than
 * pretending.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAsRoot } from './as-root';

export type TinyFilesystem = { dir: string; unmount: () => void };

const mounted = new Set<string>();
process.once('exit', () => {
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
});

export function mountTinyFilesystem(sizeMb: number, owner: { uid: number; gid: number }): TinyFilesystem {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-tiny-'));
  const options = `size=${sizeMb}m,uid=${owner.uid},gid=${owner.gid},mode=0700`;
  const run = runAsRoot;
  const result = run(['mount', '-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The disk-full test mounts a ${sizeMb} MB tmpfs and needs root or passwordless sudo to do so: ${result.stderr.trim()}`);
  }
  mounted.add(dir);
  return {
    dir,
    unmount: () => {
      run(['umount', '-l', dir]);
      mounted.delete(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The uid and gid the cluster's files belong to (the postgres user when the tests run as root). */
export function clusterOwner(): { uid: number; gid: number } {
  if (process.getuid?.() !== 0) return { uid: process.getuid!(), gid: process.getgid!() };
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}
