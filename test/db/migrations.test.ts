import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "../../src/db/schema/index.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("migrations", (database) => {
  it("creates every table of the schema", async () => {
    const { db } = database();
    const result = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = Array.isArray(result)
      ? result
      : (result as unknown as { rows: { table_name: string }[] }).rows;
    const names = rows.map((row) => row.table_name);
    for (const table of [
      "users",
      "establishments",
      "applications",
      "application_files",
      "application_history",
      "calendar_events",
      "fair_registrations",
      "outbox",
      "job_runs",
      "conversation_state",
      "sessions",
      "application_counters",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("stores Telegram ids above 2^31 and reads them back as numbers", async () => {
    const { db } = database();
    await db
      .insert(users)
      .values({ id: 7_123_456_789, chatId: 7_123_456_789, consentAt: new Date() });
    const [row] = await db.select().from(users);
    expect(row?.id).toBe(7_123_456_789);
  });
});
