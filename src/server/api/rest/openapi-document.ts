import { generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from "trpc-to-openapi";
import { appRouter } from "../root";

const DESCRIPTION = [
  "Every call is authenticated with an API key from the Developers page: `Authorization: Bearer <key>`.",
  "Scopes: `read` (any GET, and template previews), `send` (messages, jobs, schedules, contacts, templates, opt-outs,",
  "the bot, webhooks), `devices` (connect, pair, disconnect, sending caps) and `admin` (administrator endpoints, for administrators' keys only). A key without the scope an",
  "endpoint needs gets 403; another user's device, contact or job answers 404, as if it did not exist. Errors carry",
  "`code` (the tRPC error code) and `message`; unexpected failures answer 500 with an `errorId` to quote.",
].join(" ");

let cached: OpenAPIObject | undefined;

/** The OpenAPI 3.1 document, generated from the procedures' own zod input and output schemas. */
export function openApiDocument(): OpenAPIObject {
  cached ??= generateOpenApiDocument(appRouter as unknown as OpenApiRouter, {
    title: "Switchboard API",
    version: "1.0.0",
    description: DESCRIPTION,
    baseUrl: "/api/v1",
    securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key (sb_…) from /developers" } },
  });
  return cached;
}
