/** Domain failures of the dashboard verbs; server/api/errors.ts maps them to tRPC codes. */
export class DashboardNotFoundError extends Error {
  constructor(readonly uid: string) {
    super(`No dashboard with uid "${uid}"`);
    this.name = 'DashboardNotFoundError';
  }
}

/** Someone saved the dashboard since it was loaded (optimistic concurrency), or a uid is taken. */
export class DashboardConflictError extends Error {
  constructor(message: string, readonly currentVersion?: number) {
    super(message);
    this.name = 'DashboardConflictError';
  }
}

/** A model (import, save) that fails validation. */
export class DashboardInvalidError extends Error {
  constructor(message: string) {
    super(`Invalid dashboard: ${message}`);
    this.name = 'DashboardInvalidError';
  }
}
