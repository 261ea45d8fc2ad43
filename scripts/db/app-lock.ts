import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "./project-root";
import { UserFacingError } from "./user-facing-error";

const lockFile = () => path.join(dataRoot(), "app.lock");

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a running portal (demo, dev or start) in this folder, if any. */
export function runningAppPid(): number | null {
  try {
    const pid = Number(readFileSync(lockFile(), "utf8").trim());
    return isAlive(pid) && pid !== process.pid ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Only one portal may run from this folder: it owns .data/ and the .next build. Created with
 * O_EXCL so two starts at the same instant cannot both get it.
 */
export function takeAppLock(): void {
  mkdirSync(path.dirname(lockFile()), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile(), "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = runningAppPid();
      if (pid) {
        throw new UserFacingError(
          `The portal is already running from this folder (process ${pid}). Stop it with Ctrl-C first; ` +
            `its database in .data/ is left untouched.`,
        );
      }
      rmSync(lockFile(), { force: true }); // stale: its process is gone
    }
  }
  throw new UserFacingError(`Could not take ${path.relative(process.cwd(), lockFile())}; another start raced this one. Try again.`);
}

export function releaseAppLock(): void {
  try {
    if (readFileSync(lockFile(), "utf8").trim() === String(process.pid)) rmSync(lockFile());
  } catch {
    // already gone
  }
}
