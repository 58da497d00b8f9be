import { describe, expect, it } from "vitest";
import { malformedPlaceholdersMessage, missingVariablesMessage, PLACEHOLDER_NAME, renderTemplate, templatePlaceholders, templateProblems } from "./render-template";

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

describe("templateProblems", () => {
  it.each([
    ["Pay with {{ pay method }} today", [{ kind: "invalid-name", text: "{{ pay method }}", index: 9 }]],
    ["Hi {{bad-var}}", [{ kind: "invalid-name", text: "{{bad-var}}", index: 3 }]],
    ["Empty {{}} and {{  }}", [{ kind: "invalid-name", text: "{{}}", index: 6 }, { kind: "invalid-name", text: "{{  }}", index: 15 }]],
    ["Unclosed {{x here", [{ kind: "unclosed", text: "{{x", index: 9 }]],
    ["Unclosed at the end {{ name", [{ kind: "unclosed", text: "{{ name", index: 20 }]],
    ["Stray name}} brace", [{ kind: "unopened", text: "name}}", index: 6 }]],
    ["{{ok}} then {{ nested {{x}} }}", [{ kind: "unclosed", text: "{{ nested", index: 12 }, { kind: "unopened", text: "}}", index: 28 }]],
  ])("flags %j", (body, problems) => {
    expect(templateProblems(body)).toEqual(problems);
  });

  it.each([["Hi {{name}}, order {{ order.id }} ({{due_date}})"], ["No braces at all"], ["Single {braces} are text"], ["{{a}}{{b}}"]])(
    "finds nothing wrong in %j",
    (body) => {
      expect(templateProblems(body)).toEqual([]);
    },
  );

  it("uses the same name grammar as the API's variable names", () => {
    for (const name of ["name", "order.id", "due_date", "A1"]) expect(PLACEHOLDER_NAME.test(name)).toBe(true);
    for (const name of ["pay method", "bad-var", "", "é"]) expect(PLACEHOLDER_NAME.test(name)).toBe(false);
  });
});

describe("renderTemplate", () => {
  it("refuses a body with a malformed placeholder even when every valid one has a value", () => {
    const result = renderTemplate("Hi {{name}}, pay by {{ pay method }}", { name: "Budi", "pay method": "cash" });
    expect(result).toEqual({
      ok: false,
      missing: [],
      malformed: [{ kind: "invalid-name", text: "{{ pay method }}", index: 20 }],
      placeholders: ["name"],
    });
    expect(malformedPlaceholdersMessage(result.ok ? [] : result.malformed)).toBe(
      "The template has text in double braces that is not a variable: {{ pay method }}. Write variables as {{name}}; names use letters, digits, '_' and '.'",
    );
  });

  it("fills every occurrence and ignores extra variables", () => {
    const result = renderTemplate("Halo {{name}}! Pesanan {{ order.id }} siap, {{name}}.", { name: "Budi", "order.id": 42, extra: "x" });
    expect(result).toEqual({ ok: true, text: "Halo Budi! Pesanan 42 siap, Budi.", placeholders: ["name", "order.id"] });
  });

  it("reports every missing name (absent, null or undefined) and renders nothing", () => {
    const result = renderTemplate("{{a}} {{b}} {{c}} {{d}}", { a: "1", b: null, c: undefined });
    expect(result).toEqual({ ok: false, missing: ["b", "c", "d"], malformed: [], placeholders: ["a", "b", "c", "d"] });
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

  it("refuses malformed braces rather than sending them as text, and leaves single braces alone", () => {
    expect(renderTemplate("{{ not valid }} {name}", {})).toMatchObject({ ok: false, malformed: [{ text: "{{ not valid }}" }] });
    expect(renderTemplate("{name} {{x}}", { x: "1" })).toEqual({ ok: true, text: "{name} 1", placeholders: ["x"] });
  });
});

describe("missingVariablesMessage", () => {
  it("names the missing placeholders", () => {
    expect(missingVariablesMessage(["name"])).toBe("Fill in a value for {{name}}");
    expect(missingVariablesMessage(["name", "order.id"])).toBe("Fill in values for {{name}}, {{order.id}}");
  });
});
