/**
 * A whole plan year of reminders (see year-simulation.ts): 1,000 owners in
 * every situation by default, two scheduler instances, officers adding,
 * moving and cancelling events, a restart in the middle; what was sent is
 * compared with the exact expected set. One JSON line:
 *
 *   npm run bench:year -- [--owners 1000]
 *
 * Database: in-memory PGlite, or a scratch database on the PostgreSQL
 * server of DATABASE_URL (created for the run and dropped afterwards).
 * Exits 1 when anything was missed, unexpected, duplicated, sent at night,
 * after an opt-out or after its deadline.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/client.ts";
import { scratchDatabase } from "./scratch-database.ts";
import { simulateYear } from "./year-simulation.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { owners: { type: "string", default: "1000" } },
});
const owners = Number(values.owners);
if (!Number.isInteger(owners) || owners < 10) {
  console.error("--owners must be a whole number, at least 10");
  process.exit(2);
}

const scratch = process.env.DATABASE_URL
  ? await scratchDatabase(process.env.DATABASE_URL)
  : undefined;
const database = await openDatabase(
  scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite-memory" },
);
const started = Date.now();
let failed = false;
try {
  const { figures, missedKeys, unexpectedKeys } = await simulateYear(database.db, {
    owners,
    from: "2026-06-01",
    until: "2027-05-31",
    progress: (day) => console.error(`${day} (${Math.round((Date.now() - started) / 1000)} s)`),
  });
  console.log(
    JSON.stringify({
      ...figures,
      driver: scratch ? "postgres" : "pglite",
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
  if (missedKeys.length > 0) console.error(`missed, first: ${missedKeys.slice(0, 5).join(", ")}`);
  if (unexpectedKeys.length > 0)
    console.error(`unexpected, first: ${unexpectedKeys.slice(0, 5).join(", ")}`);
  failed =
    figures.missed +
      figures.unexpected +
      figures.duplicates +
      figures.at_night +
      figures.after_opt_out +
      figures.after_deadline >
      0 || Object.values(figures.by_kind).some((count) => count === 0);
} finally {
  await database.close();
  await scratch?.drop();
}
process.exit(failed ? 1 : 0);
