import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "./project-root";
import { UserFacingError } from "./user-facing-error";

/**
 * Who runs from this folder. An owner (`npm run demo`, `npm run dev`, `npm start` on the embedded
 * database) has the folder to itself: it runs the embedded PostgreSQL in .data/, and the demo
 * rebuilds .next/. An instance (`npm start` on DATABASE_URL) only reads the build, so several run
 * side by side, each on its own port, as one portal behind a reverse proxy, but never next to an
 * owner.
 */
export type AppRole = "owner" | "instance";

const ownerLockFile = () => path.join(dataRoot(), "app.lock");
const INSTANCE_LOCK = /^instance-(\d+)\.lock$/;
const instanceLockFile = (pid: number) => path.join(dataRoot(), `instance-${pid}.lock`);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the portal that owns this folder (demo, dev, or start on the embedded database), if any. */
export function runningAppPid(): number | null {
  try {
    const pid = Number(readFileSync(ownerLockFile(), "utf8").trim());
    return isAlive(pid) && pid !== process.pid ? pid : null;
  } catch {
    return null;
  }
}

/** Other `npm start` instances (on DATABASE_URL) running from this folder; stale locks are removed. */
export function otherInstancePids(): number[] {
  let names: string[];
  try {
    names = readdirSync(dataRoot());
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(INSTANCE_LOCK.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    if (isAlive(pid)) pids.push(pid);
    else rmSync(path.join(dataRoot(), name), { force: true });
  }
  return pids;
}

function alreadyRunning(pid: number): UserFacingError {
  return new UserFacingError(
    `The portal is already running from this folder (process ${pid}). Stop it with Ctrl-C first; ` +
      `its database in .data/ is left untouched.`,
  );
}

/** Created with O_EXCL so two owners starting at the same instant cannot both get it. */
function takeOwnerLock(): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(ownerLockFile(), "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = runningAppPid();
      if (pid) throw alreadyRunning(pid);
      rmSync(ownerLockFile(), { force: true }); // stale: its process is gone
    }
  }
  throw new UserFacingError(`Could not take ${path.relative(process.cwd(), ownerLockFile())}; another start raced this one. Try again.`);
}

/**
 * Takes this process's place in the folder, or says who is in the way. Each side writes its lock
 * before looking for the other's, so of an owner and an instance starting at the same instant at
 * least one sees the other.
 */
export function takeAppLock(role: AppRole = "owner"): void {
  mkdirSync(dataRoot(), { recursive: true });
  if (role === "owner") {
    takeOwnerLock();
    const instance = otherInstancePids()[0];
    if (instance) {
      releaseAppLock();
      throw alreadyRunning(instance);
    }
    return;
  }
  writeFileSync(instanceLockFile(process.pid), String(process.pid));
  const owner = runningAppPid();
  if (owner) {
    releaseAppLock();
    throw alreadyRunning(owner);
  }
}

export function releaseAppLock(): void {
  try {
    if (readFileSync(ownerLockFile(), "utf8").trim() === String(process.pid)) rmSync(ownerLockFile());
  } catch {
    // not the owner, or already gone
  }
  rmSync(instanceLockFile(process.pid), { force: true });
}
