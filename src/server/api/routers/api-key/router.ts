import { z } from "zod";
import { createApiKey } from "../../../services/api-keys/create-api-key";
import { listApiKeys } from "../../../services/api-keys/list-api-keys";
import { revokeApiKey } from "../../../services/api-keys/revoke-api-key";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { ZApiKeySchema, ZCreateApiKeyRequestSchema, ZCreateApiKeyResponseSchema, ZRevokeApiKeyRequestSchema } from "./api-key-schema";

/** Managed from the signed-in browser only: these have no REST route, so a key can never mint or revoke keys. */
export const apiKeyRouter = createTRPCRouter({
  list: protectedProcedure.output(z.array(ZApiKeySchema)).query(({ ctx }) => listApiKeys(ctx.actor.id)),
  create: protectedProcedure
    .input(ZCreateApiKeyRequestSchema)
    .output(ZCreateApiKeyResponseSchema)
    .mutation(({ ctx, input }) => createApiKey({ actor: ctx.actor, meta: ctx.meta, ...input })),
  revoke: protectedProcedure
    .input(ZRevokeApiKeyRequestSchema)
    .output(ZApiKeySchema)
    .mutation(({ ctx, input }) => revokeApiKey({ actor: ctx.actor, meta: ctx.meta, apiKeyId: input.apiKeyId })),
});
