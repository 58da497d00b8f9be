import { getSessionUser } from "@/server/auth/session";
import { serveMediaResponse } from "@/server/services/media/serve-media";
import { withUnexpectedErrors } from "@/server/unexpected-error";

export const dynamic = "force-dynamic";

/** The bytes of one of the caller's media files (Range supported; ?download=1 forces a download). */
export const GET = withUnexpectedErrors("media.serve", async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  serveMediaResponse(await getSessionUser(), (await params).id, request),
);
