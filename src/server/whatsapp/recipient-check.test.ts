import { describe, expect, it } from "vitest";
import { NotOnWhatsAppError } from "./errors";
import { RecipientCheck } from "./recipient-check";

const jid = (n: string) => `${n}@s.whatsapp.net`;

describe("RecipientCheck", () => {
  it("looks a batch up in one query and then answers its sends without asking again", async () => {
    const asked: string[][] = [];
    const check = new RecipientCheck(async (jids) => {
      asked.push(jids);
      return new Set(["111", "222"]);
    });
    check.lookAhead([jid("111"), jid("222"), jid("333"), "123-456@g.us"]);
    await check.ensure(jid("111"));
    await check.ensure(jid("222"));
    await expect(check.ensure(jid("333"))).rejects.toBeInstanceOf(NotOnWhatsAppError);
    await check.ensure("123-456@g.us");
    expect(asked).toEqual([[jid("111"), jid("222"), jid("333")]]);
    // A number not found is asked again at its next send (it may have joined); found ones are remembered.
    await expect(check.ensure(jid("333"))).rejects.toBeInstanceOf(NotOnWhatsAppError);
    await check.ensure(jid("111"));
    expect(asked).toEqual([[jid("111"), jid("222"), jid("333")], [jid("333")]]);
  });

  it("asks again at the send when the look-ahead failed, and lets the send decide when WhatsApp gave no answer", async () => {
    let calls = 0;
    const check = new RecipientCheck(async () => {
      calls += 1;
      if (calls === 1) throw new Error("connection closed");
      return undefined;
    });
    check.lookAhead([jid("444")]);
    await expect(check.ensure(jid("444"))).rejects.toThrow("connection closed");
    await check.ensure(jid("444"));
    expect(calls).toBe(2);
  });
});
