import { TRPCError } from "@trpc/server";

/** Domain errors: services throw these, never TRPCError; the tRPC layer maps them in one place. */
export const AppErrorCode = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "INVALID_INPUT",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  RATE_LIMITED: "RATE_LIMITED",
  DEVICE_NOT_CONNECTED: "DEVICE_NOT_CONNECTED",
  DEVICE_BUSY: "DEVICE_BUSY",
  UNAVAILABLE: "UNAVAILABLE",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const TRPC_CODES: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  LIMIT_EXCEEDED: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  DEVICE_NOT_CONNECTED: "PRECONDITION_FAILED",
  DEVICE_BUSY: "CONFLICT",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}

export function isAppError(error: unknown): error is AppError {
  // Duck-typed: the custom server and Next's bundle hold separate copies of this class (STACK.md pitfall 12).
  return error instanceof Error && error.name === "AppError" && typeof (error as { code?: unknown }).code === "string";
}

export function toTRPCError(error: unknown): TRPCError | undefined {
  if (!isAppError(error)) return undefined;
  return new TRPCError({ code: TRPC_CODES[error.code], message: error.message, cause: error });
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
