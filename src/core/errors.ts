// Typed errors with stable codes and messages that tell the user how to fix the problem.

export type ErrorCode =
  | "EMPTY_INPUT"
  | "BINARY_INPUT"
  | "INVALID_UTF8"
  | "TOO_LARGE"
  | "LINE_TOO_LONG"
  | "TOO_DEEP"
  | "TOO_MANY_ANNOTATIONS"
  | "NO_ARTICLE"
  | "BAD_RECORD"
  | "NOT_FOUND"
  | "UNSUPPORTED_FORMAT"
  | "READ_FAILED"
  | "PIPELINE_INVALID"
  | "KB_INVALID"
  | "LEXICON_INVALID"
  | "USAGE"
  | "INTERNAL";

export class DossierError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "DossierError";
  }
}

/** Turns anything thrown into a coded error; unknown throwables become INTERNAL. */
export function toDossierError(err: unknown): DossierError {
  if (err instanceof DossierError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DossierError("INTERNAL", `internal error: ${message} (please report this with the input that caused it)`, {
    cause: err,
  });
}
