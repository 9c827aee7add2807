export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
};

/** The one error type. `reason` is a stable string clients may branch on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, opts: { reason?: string; details?: unknown } = {}) {
    super(message);
    this.code = code;
    this.reason = opts.reason ?? code;
    this.status = STATUS_BY_CODE[code];
    this.details = opts.details;
  }
}

export const notFound = (what: string) =>
  new AppError('not_found', `${what} was not found`, {
    reason: `${what.toLowerCase().replace(/ /g, '_')}_not_found`,
  });

export const forbidden = (message: string, reason = 'forbidden') =>
  new AppError('forbidden', message, { reason });
