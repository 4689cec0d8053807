/**
 * The outcome of parsing something a person typed. Errors are short codes
 * (kebab-case); the bot turns `error` into the locale key `invalid-<error>`
 * and passes `details` as Fluent variables, so no domain module holds text
 * a person reads.
 */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; details?: Record<string, string | number> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <E extends string>(
  error: E,
  details?: Record<string, string | number>,
): { ok: false; error: E; details?: Record<string, string | number> } =>
  details === undefined ? { ok: false, error } : { ok: false, error, details };
