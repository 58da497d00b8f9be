import type { APIRequestContext } from "@playwright/test";

/**
 * Calls a tRPC query over HTTP with the page's session cookie (superjson envelope), for the few facts a spec cannot
 * read from the screen — e.g. the raw QR string the sandbox phone "scans".
 */
export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } };
  if (!response.ok() || !body.result?.data) {
    throw new Error(`tRPC ${path} failed (${response.status()}): ${body.error?.json?.message ?? "no result"}`);
  }
  return body.result.data.json as T;
}
