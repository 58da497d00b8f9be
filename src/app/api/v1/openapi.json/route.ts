import { openApiDocument } from "@/server/api/rest/openapi-document";
import { withUnexpectedErrors } from "@/server/unexpected-error";

/** Public: the document describes the API, not anyone's data. */
export const GET = withUnexpectedErrors("/api/v1/openapi.json", async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
