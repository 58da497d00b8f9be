import { env } from "@/env";
import { createSandboxControlClient, SandboxControlError, type SandboxControlClient } from "@/sandbox/control-client";
import { AppError } from "../../errors";

/** The sandbox control API client, only in WA_MODE=sandbox: live deployments have no virtual phones to drive. */
export function sandboxControl(): SandboxControlClient {
  const config = env();
  if (config.WA_MODE !== "sandbox") throw new AppError("NOT_FOUND", "The WhatsApp sandbox is only available in sandbox mode");
  const token = process.env.SANDBOX_CONTROL_TOKEN || undefined;
  return createSandboxControlClient(config.WA_SANDBOX_URL, token ? { token } : {});
}

/** Turns the sandbox's refusals (bad input, unknown account, scenario errors) into domain errors with its message. */
export async function viaSandbox<T>(call: (client: SandboxControlClient) => Promise<T>): Promise<T> {
  const client = sandboxControl();
  try {
    return await call(client);
  } catch (error) {
    if (error instanceof SandboxControlError) {
      const code = error.status === 404 ? "NOT_FOUND" : error.status === 400 ? "INVALID_INPUT" : "CONFLICT";
      throw new AppError(code, error.message);
    }
    throw new AppError("UNAVAILABLE", `The WhatsApp sandbox did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}
