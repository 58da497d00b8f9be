import { handleRestRequest } from "@/server/api/rest/rest-handler";
import { withUnexpectedErrors } from "@/server/unexpected-error";

const handler = withUnexpectedErrors("/api/v1", async (req: Request, { params }: { params: Promise<{ path: string[] }> }) => {
  const { path } = await params;
  return handleRestRequest(req, `/${path.join("/")}`);
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
