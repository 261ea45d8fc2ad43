/**
 * Why a backup or a restore stopped, for the operator at the terminal, in Vietnamese and English.
 * Whatever stopped, the database and the evidence directory were left as they were.
 */
export class BackupRefusal extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    /** Further lines (the files missing, the migrations that differ). */
    readonly details: string[] = [],
  ) {
    super(`${vi} / ${en}`);
    this.name = "BackupRefusal";
  }
}
