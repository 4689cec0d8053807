import { loadProvince } from "../data/load-province.ts";
import type { Province } from "../domain/province.ts";
import type { JobDependencies } from "./job.ts";

const loaded = new Map<string, Province>();

/** The province the bot serves: the one in the dependencies, else read once from its file. */
export function province(deps: Pick<JobDependencies, "config" | "province">): Province {
  if (deps.province) return deps.province;
  let found = loaded.get(deps.config.province);
  if (!found) {
    found = loadProvince(deps.config.province);
    loaded.set(deps.config.province, found);
  }
  return found;
}
