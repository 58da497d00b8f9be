import { describe, expect, it } from "vitest";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { canTransition, DeviceStateMachine, type StatusChange } from "./device-state";

describe("canTransition", () => {
  it.each<[DeviceStatus, DeviceStatus, boolean]>([
    ["disconnected", "connecting", true],
    ["connecting", "qr_required", true],
    ["qr_required", "connecting", true],
    ["connecting", "connected", true],
    ["connected", "connecting", true],
    ["connected", "logged_out", true],
    ["logged_out", "connecting", true],
    ["disconnected", "connected", false],
    ["disconnected", "qr_required", false],
    ["logged_out", "connected", false],
    ["connected", "qr_required", false],
  ])("%s → %s is %s", (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal);
  });
});

describe("DeviceStateMachine", () => {
  it("persists each real change once, in order, and ignores repeats and illegal moves", async () => {
    const seen: StatusChange[] = [];
    const illegal: string[] = [];
    const machine = new DeviceStateMachine("disconnected", {
      sink: async (change) => {
        await new Promise((r) => setImmediate(r));
        seen.push(change);
      },
      onIllegal: (from, to) => illegal.push(`${from}->${to}`),
    });
    expect(machine.transition("connecting")).toBe("changed");
    expect(machine.transition("connecting")).toBe("unchanged");
    expect(machine.transition("qr_required")).toBe("changed");
    expect(machine.transition("qr_required")).toBe("unchanged");
    expect(machine.transition("disconnected", { reason: "QR expired" })).toBe("changed");
    expect(machine.transition("connected")).toBe("illegal");
    await machine.settled();
    expect(seen.map((c) => `${c.from}->${c.to}`)).toEqual(["disconnected->connecting", "connecting->qr_required", "qr_required->disconnected"]);
    expect(seen[2]?.reason).toBe("QR expired");
    expect(illegal).toEqual(["disconnected->connected"]);
    expect(machine.status).toBe("disconnected");
  });

  it("keeps going after a failed write", async () => {
    const seen: string[] = [];
    const failures: string[] = [];
    const machine = new DeviceStateMachine("disconnected", {
      sink: async (change) => {
        if (change.to === "connecting") throw new Error("db down");
        seen.push(change.to);
      },
      onSinkError: (error, change) => failures.push(`${change.to}: ${(error as Error).message}`),
    });
    machine.transition("connecting");
    machine.transition("connected");
    await machine.settled();
    expect(seen).toEqual(["connected"]);
    expect(failures).toEqual(["connecting: db down"]);
  });
});
