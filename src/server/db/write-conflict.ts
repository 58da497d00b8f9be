/** A deadlock (1213) or lock-wait timeout rolled the statement back; running it again is the documented remedy. */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, errno, meta } = error as { code?: unknown; errno?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } };
  if (code === "P2034") return true;
  // The mariadb driver's own error (driver-pool statements).
  if (errno === 1213 || errno === 1205) return true;
  const cause = meta?.driverAdapterError?.cause;
  return cause?.kind === "TransactionWriteConflict" || cause?.code === 1213 || cause?.code === 1205;
}

const ATTEMPTS = 4;

/** Runs a single-statement write again when InnoDB picked it as a deadlock victim (nothing of it was applied). */
export async function retryOnWriteConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
