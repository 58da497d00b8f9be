import { getSessionUser } from "@/server/auth/session";
import { serveMediaResponse } from "@/server/services/media/serve-media";

export const dynamic = "force-dynamic";

/** The bytes of one of the caller's media files (Range supported; ?download=1 forces a download). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serveMediaResponse(await getSessionUser(), (await params).id, request);
}
