import { getSessionUser } from "@/server/auth/session";
import { clientIp } from "@/server/security/client-ip";
import { exportContactsResponse } from "@/server/services/contacts/export-contacts-response";
import { withUnexpectedErrors } from "@/server/unexpected-error";

export const dynamic = "force-dynamic";

/** The caller's contacts as a streamed CSV download (filters: tagId (repeatable), tagMatch, search). */
export const GET = withUnexpectedErrors("contacts.export", async (request: Request) =>
  exportContactsResponse(await getSessionUser(), new URL(request.url), clientIp(request.headers)),
);
