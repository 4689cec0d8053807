import { expect, it } from "vitest";
import { simulateYear } from "../../bench/year-simulation.ts";
import { describeWithDatabase } from "../support/database.ts";

/**
 * npm run bench:year at a smaller size: 40 owners from August to February
 * (the registration season, four fairs of which one moved and one
 * cancelled, two result announcements of which one moved, two scheduler
 * instances and a restart at night). What was sent is exactly the expected
 * set, nothing at night, after an opt-out or after its deadline.
 */
describeWithDatabase("a plan year of reminders, simulated", (database) => {
  it("sends exactly the expected reminders, once each, by day", { timeout: 120_000 }, async () => {
    const { figures, missedKeys, unexpectedKeys } = await simulateYear(database().db, {
      owners: 40,
      from: "2026-08-01",
      until: "2027-02-10",
    });
    expect({ missedKeys, unexpectedKeys }).toEqual({ missedKeys: [], unexpectedKeys: [] });
    expect(figures).toEqual({
      bench: "year",
      owners: 40,
      reminders: 359,
      by_kind: { deadline: 88, draft: 104, fair: 153, result: 14 },
      schedulers: 2,
      restarts: 1,
      duplicates: 0,
      at_night: 0,
      after_opt_out: 0,
      after_deadline: 0,
      missed: 0,
      unexpected: 0,
    });
  });
});
