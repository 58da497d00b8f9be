import { describe, expect, it } from "vitest";
import { missingVariablesMessage, renderTemplate, templatePlaceholders } from "./render-template";

describe("templatePlaceholders", () => {
  it("lists distinct names in order of first appearance, allowing whitespace inside the braces", () => {
    expect(templatePlaceholders("Hi {{name}}, order {{ order.id }} for {{name}} ({{  due_date}})")).toEqual(["name", "order.id", "due_date"]);
  });

  it("ignores braces that do not hold a valid name", () => {
    expect(templatePlaceholders("{{}} {{ two words }} {{bad-name}} {single} {{ok}}")).toEqual(["ok"]);
  });

  it("returns nothing for a body without placeholders", () => {
    expect(templatePlaceholders("Terima kasih!")).toEqual([]);
  });
});

describe("renderTemplate", () => {
  it("fills every occurrence and ignores extra variables", () => {
    const result = renderTemplate("Halo {{name}}! Pesanan {{ order.id }} siap, {{name}}.", { name: "Budi", "order.id": 42, extra: "x" });
    expect(result).toEqual({ ok: true, text: "Halo Budi! Pesanan 42 siap, Budi.", placeholders: ["name", "order.id"] });
  });

  it("reports every missing name (absent, null or undefined) and renders nothing", () => {
    const result = renderTemplate("{{a}} {{b}} {{c}} {{d}}", { a: "1", b: null, c: undefined });
    expect(result).toEqual({ ok: false, missing: ["b", "c", "d"], placeholders: ["a", "b", "c", "d"] });
  });

  it("treats an empty string as a value", () => {
    expect(renderTemplate("[{{x}}]", { x: "" })).toMatchObject({ ok: true, text: "[]" });
  });

  it("does not expand placeholders that arrive inside values", () => {
    expect(renderTemplate("{{a}} {{b}}", { a: "{{b}}", b: "$&" })).toMatchObject({ ok: true, text: "{{b}} $&" });
  });

  it("does not read inherited properties as variables", () => {
    expect(renderTemplate("{{constructor}} {{toString}}", {})).toMatchObject({ ok: false, missing: ["constructor", "toString"] });
  });

  it("leaves malformed braces as text", () => {
    expect(renderTemplate("{{ not valid }} {name}", {})).toEqual({ ok: true, text: "{{ not valid }} {name}", placeholders: [] });
  });
});

describe("missingVariablesMessage", () => {
  it("names the missing placeholders", () => {
    expect(missingVariablesMessage(["name"])).toBe("Fill in a value for {{name}}");
    expect(missingVariablesMessage(["name", "order.id"])).toBe("Fill in values for {{name}}, {{order.id}}");
  });
});
