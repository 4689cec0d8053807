import { describe, expect, it } from "vitest";
import "../../src/bot/index.ts"; // every feature defines its codecs when it is loaded
import {
  CALLBACK_DATA_LIMIT,
  defineCallback,
  definedCallbacks,
  int,
  oneOf,
  text,
  token,
} from "../../src/bot/callback-data.ts";

describe("callback data", () => {
  it("keeps every codec's longest payload within Telegram's 64 bytes", () => {
    const codecs = definedCallbacks();
    expect(codecs.length).toBeGreaterThanOrEqual(8);
    for (const codec of codecs) {
      expect(codec.maxBytes, `${codec.prefix} v${codec.version}`).toBeLessThanOrEqual(
        CALLBACK_DATA_LIMIT,
      );
    }
    const prefixes = codecs.map((codec) => `${codec.prefix}:${codec.version}`);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  const sample = defineCallback("test-sample", {
    action: oneOf("view", "approve"),
    id: int(999_999),
    who: token(),
    rest: text(15),
  });

  it("packs and unpacks typed fields, the last one may hold a colon", () => {
    const data = sample.pack({ action: "approve", id: 42, who: "Ab3x", rest: "c:06211" });
    expect(data).toBe("test-sample:1:approve:42:Ab3x:c:06211");
    expect(sample.unpack(data)).toEqual({
      action: "approve",
      id: 42,
      who: "Ab3x",
      rest: "c:06211",
    });
  });

  it("refuses what it cannot parse", () => {
    for (const forged of [
      undefined,
      "",
      "test-sample:1",
      "test-sample:2:view:1:Ab3x:x",
      "test-sample:1:delete:1:Ab3x:x",
      "test-sample:1:view:-1:Ab3x:x",
      "test-sample:1:view:1e3:Ab3x:x",
      "test-sample:1:view:1000000:Ab3x:x",
      "test-sample:1:view:1:Ab-3x:x",
      "test-sample:1:view:1:Ab3x:đ",
      `test-sample:1:view:1:Ab3x:${"x".repeat(16)}`,
      "test-sample:1:view:1",
      "other:1:view:1:Ab3x:x",
    ]) {
      expect(sample.unpack(forged), String(forged)).toBeUndefined();
    }
  });

  it("refuses to pack a value its field cannot hold", () => {
    expect(() => sample.pack({ action: "view", id: 1, who: "a:b", rest: "" })).toThrow();
    expect(() => sample.pack({ action: "view", id: 1, who: "ok", rest: "Lộc Bình" })).toThrow();
  });

  it("refuses two codecs with the same prefix and version", () => {
    expect(() => defineCallback("test-sample", { id: int() })).toThrow(/defined twice/);
    expect(defineCallback("test-sample", { id: int() }, 2).pack({ id: 7 })).toBe("test-sample:2:7");
  });
});
