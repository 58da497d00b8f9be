import { getSessionUser } from "@/server/auth/session";
import { uploadMediaResponse } from "@/server/services/media/upload-media";

export const dynamic = "force-dynamic";

/** Upload a file to send: raw body, name in X-File-Name. */
export async function POST(request: Request) {
  return uploadMediaResponse(await getSessionUser(), request);
}
