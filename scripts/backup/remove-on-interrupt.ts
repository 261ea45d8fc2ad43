import { rmSync } from "node:fs";

/**
 * Removes the given paths if the command is stopped (Ctrl-C, SIGTERM) before it cleans up itself:
 * an interrupted backup must not leave a half-written archive next to the finished ones, nor a
 * restore its staged files. Returns the function that stops watching.
 */
export function removeOnInterrupt(paths: () => (string | null)[]): () => void {
  const stop = (signal: NodeJS.Signals) => {
    for (const target of paths()) if (target) rmSync(target, { recursive: true, force: true });
    process.stderr.write(`✖ Đã dừng, không có gì được ghi. / Stopped (${signal}); nothing was written.\n`);
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
}
