/** The browser's batch link sends at most this many calls per request; the server refuses larger batches with a 400. */
export const MAX_BATCH_SIZE = 20;
