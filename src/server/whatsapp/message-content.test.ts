import { describe, expect, it } from "vitest";
import { messageContent } from "./message-content";

describe("messageContent", () => {
  it("reads plain and extended text, also inside ephemeral wrappers", () => {
    expect(messageContent({ conversation: "halo" })).toEqual({ type: "text", content: "halo" });
    expect(messageContent({ extendedTextMessage: { text: "https://example.test" } })).toEqual({ type: "text", content: "https://example.test" });
    expect(messageContent({ ephemeralMessage: { message: { conversation: "sementara" } } })).toEqual({ type: "text", content: "sementara" });
  });

  it("keeps captions of media and describes locations and contacts", () => {
    expect(messageContent({ imageMessage: { caption: "foto" } })).toEqual({ type: "image", content: "foto" });
    expect(messageContent({ audioMessage: {} })).toEqual({ type: "audio", content: null });
    expect(messageContent({ locationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } })).toEqual({ type: "location", content: "-6.2,106.8" });
    expect(messageContent({ contactMessage: { displayName: "Budi" } })).toEqual({ type: "contact", content: "Budi" });
  });

  it("ignores protocol messages, reactions and empty payloads", () => {
    expect(messageContent({ protocolMessage: { type: 0 } })).toBeNull();
    expect(messageContent({ reactionMessage: { text: "👍" } })).toBeNull();
    expect(messageContent(undefined)).toBeNull();
    expect(messageContent({ senderKeyDistributionMessage: { groupId: "x" } })).toBeNull();
  });
});
