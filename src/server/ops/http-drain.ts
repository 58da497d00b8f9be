import type { Server, ServerResponse } from "node:http";

/**
 * Follows the server's open responses so a stop can let ordinary requests finish (a send in flight gets its answer)
 * while long-lived event streams, which never finish by themselves, are cut at once.
 */
export function trackResponses(server: Server): { drain(timeoutMs: number): Promise<number> } {
  const open = new Set<ServerResponse>();
  let onClose: (() => void) | null = null;
  server.on("request", (_req, res: ServerResponse) => {
    open.add(res);
    res.once("close", () => {
      open.delete(res);
      onClose?.();
    });
  });
  const ordinary = () => [...open].filter((res) => !String(res.getHeader("content-type") ?? "").startsWith("text/event-stream")).length;
  return {
    /** Resolves with how many ordinary responses were still open when the timeout ended the wait (0 = all done). */
    drain(timeoutMs) {
      return new Promise((resolve) => {
        const finish = () => {
          onClose = null;
          clearTimeout(timer);
          resolve(ordinary());
        };
        const timer = setTimeout(finish, timeoutMs);
        onClose = () => {
          if (ordinary() === 0) finish();
        };
        if (ordinary() === 0) finish();
      });
    },
  };
}
