import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering of DESIGN.md, checked: dependencies point down only (bot and
 * jobs -> forms -> services -> outbox, domain, db), the domain imports
 * nothing of ours, no import cycle (type-only imports included), and no
 * file grows past what a reader can hold.
 */

const SRC = resolve(import.meta.dirname, "../../src");

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const sources = files(SRC);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g;

const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) =>
    resolve(dirname(file), match[1] ?? ""),
  );

const graph = new Map(sources.map((file) => [file, importsOf(file)]));
const layerOf = (file: string): string => relative(SRC, file).split("/")[0] ?? "";

/** What each top-level folder may import besides itself (and the shared leaves). */
const SHARED = [
  "clock.ts",
  "config.ts",
  "logger.ts",
  "dependencies.ts",
  "i18n.ts",
  "callback-data.ts",
];
const ALLOWED: Record<string, string[]> = {
  domain: [],
  data: ["domain"],
  db: ["domain"],
  outbox: ["db", "domain", ...SHARED],
  services: ["db", "domain", "outbox", "data", ...SHARED],
  forms: ["services", "db", "domain", "outbox", ...SHARED],
  updates: ["services", "db", "domain", ...SHARED],
  jobs: ["forms", "services", "outbox", "updates", "db", "domain", "data", ...SHARED],
  bot: ["forms", "services", "outbox", "updates", "db", "domain", "data", ...SHARED],
};

describe("architecture", () => {
  it("points dependencies down only", () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (!allowed) continue; // entry points and tools may use anything
      for (const target of imports) {
        const to = layerOf(target);
        if (to !== layer && !allowed.includes(to)) {
          wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "visiting");
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === "visiting") {
          const cycle = stack.slice(stack.indexOf(target)).map((f) => relative(SRC, f));
          cycles.push(cycle.join(" -> "));
        } else if (!state.has(target) && graph.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of sources) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps every source file (the fake Bot API aside) under 450 lines", () => {
    const long = sources
      .filter((file) => !file.includes("fake-bot-api"))
      .map((file) => [relative(SRC, file), readFileSync(file, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 450);
    expect(long).toEqual([]);
  });

  it("names a concrete form only in its definition: the engine is generic", () => {
    const naming = sources
      .filter((file) => !file.includes("/forms/kinds/") && !file.endsWith("bot/commands.ts"))
      .filter((file) => /["'`](profile|application)["'`]/.test(readFileSync(file, "utf8")))
      .map((file) => relative(SRC, file));
    expect(naming).toEqual([]);
  });
});
