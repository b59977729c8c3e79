/**
 * An expected failure the person can act on. `code` is a stable key into the
 * i18n catalogue (`errors.<code>`); `vars` fill its placeholders.
 */
export class PacerError extends Error {
  constructor(
    readonly code: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'PacerError';
  }
}

/** A reason Pacer cannot start, written for the operator; printed alone, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}
