import { getSessionUser } from "@/server/auth/session";
import { exportJobResultsResponse } from "@/server/services/jobs/export-job-results";

export const dynamic = "force-dynamic";

/** A job's results (every recipient with status, error and times) as a streamed CSV download; ?status= filters. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportJobResultsResponse(await getSessionUser(), id, new URL(request.url));
}
