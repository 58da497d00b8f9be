import { handleSeedRequest } from "@/server/api/rest/seed-compat";
import { withUnexpectedErrors } from "@/server/unexpected-error";

const handler = withUnexpectedErrors("/api/whatsapp-multi-device", async (req: Request, { params }: { params: Promise<{ path: string[] }> }) => {
  const { path } = await params;
  return handleSeedRequest(req, `/${path.join("/")}`);
});

export { handler as GET, handler as POST };
