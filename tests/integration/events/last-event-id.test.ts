import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let user: TestUser;

beforeAll(async () => {
  await resetDb();
  user = await createUser();
});

/** Opens the stream with `lastEventId` and closes it at once: input validation runs when it is opened. */
async function openWith(lastEventId: unknown): Promise<void> {
  const abort = new AbortController();
  const caller = await callerFor(user, { signal: abort.signal });
  try {
    const stream = await caller.events.stream({ lastEventId } as unknown as { lastEventId: number });
    await stream[Symbol.asyncIterator]().return?.();
  } finally {
    abort.abort();
  }
}

describe("events.stream lastEventId is an event id and nothing else", () => {
  it.each([
    ["true", true],
    ["an empty string", ""],
    ["a Date", new Date()],
    ["a negative number", -1],
    ["a fraction", 1.5],
    ["a word", "abc"],
    ["a hex string", "0x10"],
    ["an object", { id: 1 }],
  ])("refuses %s with BAD_REQUEST", async (_label, value) => {
    await expect(openWith(value)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it.each([
    ["a number", 12],
    ["a decimal string (what EventSource resends)", "12"],
    ["null", null],
    ["nothing", undefined],
  ])("accepts %s", async (_label, value) => {
    await expect(openWith(value)).resolves.toBeUndefined();
  });
});
