/**
 * A use case refused: a machine-readable code and the message in both languages, so the web
 * form, the API and the CLI each show the user's language without translating it again.
 */
export class UseCaseError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = new.target.name;
  }
}
