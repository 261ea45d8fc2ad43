/** An error whose message is meant for the person at the terminal: printed as is, no stack. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Runs a script's main, turning UserFacingError into one line on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UserFacingError) {
        console.error(`✖ ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
