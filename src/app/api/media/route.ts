import { getSessionUser } from "@/server/auth/session";
import { uploadMediaResponse } from "@/server/services/media/upload-media";
import { withUnexpectedErrors } from "@/server/unexpected-error";

export const dynamic = "force-dynamic";

/** Upload a file to send: raw body, name in X-File-Name. */
export const POST = withUnexpectedErrors("media.upload", async (request: Request) => uploadMediaResponse(await getSessionUser(), request));
