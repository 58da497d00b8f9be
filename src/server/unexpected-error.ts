import { randomBytes } from "node:crypto";
import { logger } from "./logger";

/** What a client sees of an error nobody planned for: database, ORM and file-system details stay in the log. */
export const GENERIC_ERROR_MESSAGE = "Something went wrong on the server";

/** Logs an unexpected error with a fresh id and returns that id, which the client gets to quote to an operator. */
export function reportUnexpectedError(error: unknown, where: Record<string, unknown>): string {
  const errorId = randomBytes(6).toString("hex");
  logger().error({ errorId, err: error, ...where }, "unexpected error");
  return errorId;
}

export function genericErrorMessage(errorId: string): string {
  return `${GENERIC_ERROR_MESSAGE} (error id ${errorId})`;
}

/** A route handler that answers an unexpected throw with a generic 500 and an error id, never the error itself. */
export function withUnexpectedErrors<A extends unknown[]>(
  route: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const errorId = reportUnexpectedError(error, { route });
      return Response.json(
        { error: genericErrorMessage(errorId), code: "INTERNAL_SERVER_ERROR", errorId },
        { status: 500, headers: { "cache-control": "no-store" } },
      );
    }
  };
}
