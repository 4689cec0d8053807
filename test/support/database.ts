import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import * as schema from "../../src/db/schema/index.ts";

export type TestDriver = "pglite" | "postgres";

export interface TestDatabase {
  db: Database;
  driver: TestDriver;
  /** the connection URL of this file's own PostgreSQL database (postgres only) */
  url?: string;
  handle: DatabaseHandle;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDrivers(): TestDriver[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

const tableNames = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => `"${getTableName(table as PgTable)}"`);

export async function truncateAll(db: Database): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${tableNames.join(", ")} RESTART IDENTITY CASCADE`));
}

/**
 * Each test file gets a database of its own: an in-memory PGlite, or a fresh
 * database on the PostgreSQL server (test files run in parallel, so they must
 * not share tables).
 */
export async function openTestDatabase(
  driver: TestDriver,
): Promise<TestDatabase & { close(): Promise<void> }> {
  if (driver === "pglite") {
    const handle = await openDatabase({ kind: "pglite-memory" });
    return { db: handle.db, driver, handle, close: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `kc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.href, maxConnections: 5 });
  return {
    db: handle.db,
    driver,
    url: url.href,
    handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Runs a suite once per driver, with a database opened once per file and
 * emptied before every test.
 *
 *   describeWithDatabase("outbox", (database) => {
 *     it("queues once", async () => { const { db } = database(); ... });
 *   });
 */
export function describeWithDatabase(
  title: string,
  suite: (database: () => TestDatabase, driver: TestDriver) => void,
  drivers: TestDriver[] = testDrivers(),
): void {
  for (const driver of drivers) {
    describe(`${title} [${driver}]`, () => {
      let opened: (TestDatabase & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(driver);
      });
      afterAll(async () => {
        await opened?.close();
      });
      beforeEach(async () => {
        if (opened) await truncateAll(opened.db);
      });
      suite(() => {
        if (!opened) throw new Error("database not open yet");
        return opened;
      }, driver);
    });
  }
}
