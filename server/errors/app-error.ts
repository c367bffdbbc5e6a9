/**
 * The one error type that crosses a boundary. `message` is for logs; `userMessage` is what a
 * client sees. Anything else thrown becomes a generic internal error.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  /** A cookie-authenticated change that did not come from Porthole's own pages (CSRF). */
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A stored recording fails to decode (tampered or corrupted): its events cannot be served. */
  RECORDING_DAMAGED: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, options: { message?: string; userMessage?: string; fields?: FieldErrors } = {}) {
    const userMessage = options.userMessage ?? options.message ?? defaultMessage(code);
    super(options.message ?? userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'UNAUTHORIZED':
      return 'Sign in to continue.';
    case 'FORBIDDEN':
      return 'You do not have permission to do that.';
    case 'CROSS_SITE_REQUEST':
      return 'This request did not come from a Porthole page, so it was refused.';
    case 'NOT_FOUND':
      return 'Not found.';
    case 'RECORDING_DAMAGED':
      return 'This recording is damaged and cannot be replayed. Verify it to see which part.';
    case 'VALIDATION':
      return 'Some fields are not valid.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Try again later.';
    case 'UNAVAILABLE':
      return 'The service is temporarily unavailable.';
    default:
      return 'Something went wrong.';
  }
}
