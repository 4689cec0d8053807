/**
 * Reads a province's settings file from src/data/provinces/<id>.json and
 * validates it. Called once at start-up; errors are meant for the person
 * deploying the bot, so they are in English and name the file and field.
 */
import { readdirSync, readFileSync } from "node:fs";
import { type Province, provinceSchema } from "../domain/province.ts";
import { foldVietnamese } from "../domain/text.ts";

const PROVINCES_DIR = new URL("./provinces/", import.meta.url);

/** Ids of the provinces that have a settings file, sorted. */
export function listProvinces(): string[] {
  return readdirSync(PROVINCES_DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

function readProvinceFile(id: string): unknown {
  const url = new URL(`${id}.json`, PROVINCES_DIR);
  try {
    return JSON.parse(readFileSync(url, "utf8"));
  } catch (error) {
    throw new Error(`Province file ${id}.json cannot be read: ${(error as Error).message}`);
  }
}

function validate(id: string, data: unknown): Province {
  const parsed = provinceSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`)
      .join("; ");
    throw new Error(`Province file ${id}.json is invalid: ${problems}`);
  }
  if (parsed.data.id !== id) {
    throw new Error(`Province file ${id}.json is invalid: id: "${parsed.data.id}" must be "${id}"`);
  }
  return parsed.data;
}

/** "lang-son", "Lạng Sơn", "lang son", "tỉnh Lạng Sơn" → "lang-son" */
function asId(text: string): string {
  return foldVietnamese(text)
    .replace(/^tinh\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The province by id ("lang-son") or name ("Lạng Sơn", "lang son").
 * Throws when no such file exists (listing the available ones) or when the
 * file is invalid (naming the field).
 */
export function loadProvince(idOrName: string): Province {
  const available = listProvinces();
  const wanted = asId(idOrName);
  const id = available.find((candidate) => candidate === wanted);
  if (id !== undefined) return validate(id, readProvinceFile(id));
  for (const candidate of available) {
    const data = readProvinceFile(candidate) as { name?: unknown };
    if (typeof data.name === "string" && asId(data.name) === wanted) {
      return validate(candidate, data);
    }
  }
  throw new Error(
    `Unknown province "${idOrName}". Available: ${available.join(", ") || "(none)"} (files in src/data/provinces/).`,
  );
}
