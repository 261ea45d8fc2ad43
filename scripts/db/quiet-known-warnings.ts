/**
 * Prisma's pg adapter issues overlapping queries inside interactive transactions, which pg 8
 * reports as a DeprecationWarning on every start. It is Prisma's to fix, not the user's to read:
 * this one message is dropped, every other warning is still printed.
 */
const KNOWN = /Calling client\.query\(\) when the client is already executing a query/;

export function quietKnownWarnings(): void {
  const printers = process.listeners("warning");
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (warning.name === "DeprecationWarning" && KNOWN.test(warning.message)) return;
    if (printers.length) for (const printer of printers) printer(warning);
    else console.warn(`${warning.name}: ${warning.message}`);
  });
}
