import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, users } from "../../src/db/schema/index.ts";
import { createApplicationDraft } from "../../src/services/applications/drafts.ts";
import {
  formatApplicationCode,
  submitApplication,
} from "../../src/services/applications/submission.ts";
import { createEstablishmentDraft } from "../../src/services/establishments.ts";
import { describeWithDatabase } from "../support/database.ts";
import { testDependencies } from "../support/deps.ts";

describeWithDatabase("application codes", (database) => {
  async function drafts(count: number, planYear = 2028) {
    const { db } = database();
    await db.insert(users).values({ id: 1, chatId: 1, consentAt: new Date() });
    const establishment = await createEstablishmentDraft(db, 1);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        (
          await createApplicationDraft(db, {
            ownerId: 1,
            establishmentId: establishment.id,
            planYear,
          })
        ).id,
      );
    }
    return ids;
  }

  it("formats the province prefix, plan year and a four-digit sequence", () => {
    expect(formatApplicationCode("LS", 2027, 1)).toBe("LS-2027-0001");
    expect(formatApplicationCode("LS", 2027, 12345)).toBe("LS-2027-12345");
  });

  it("gives concurrent submissions consecutive codes with no gaps and no repeats", async () => {
    const { db } = database();
    const ids = await drafts(12);
    const deps = testDependencies(db);
    const results = await Promise.all(ids.map((id) => submitApplication(deps, { id, ownerId: 1 })));
    const codes = results.map((result) => ("code" in result ? result.code : "error")).sort();
    expect(codes).toEqual(
      Array.from({ length: 12 }, (_, i) => formatApplicationCode("LS", 2028, i + 1)),
    );
  });

  it("submits a draft once: a second submission of the same draft gets no new code", async () => {
    const { db } = database();
    const [id] = await drafts(1);
    const deps = testDependencies(db);
    const [first, second] = await Promise.all([
      submitApplication(deps, { id: id ?? 0, ownerId: 1 }),
      submitApplication(deps, { id: id ?? 0, ownerId: 1 }),
    ]);
    expect([first, second].filter((result) => "code" in result)).toHaveLength(1);
    expect([first, second].filter((result) => "error" in result)).toHaveLength(1);
  });

  it("gives the number back when the submitting transaction fails, and numbers each plan year apart", async () => {
    const { db } = database();
    const [a, b] = await drafts(2);
    const [first] = await db.select().from(applications);
    const c = (
      await createApplicationDraft(db, {
        ownerId: 1,
        establishmentId: first?.establishmentId ?? 0,
        planYear: 2029,
      })
    ).id;
    const deps = testDependencies(db);
    // An officer to tell, whose notice cannot be rendered: the submission fails as a whole.
    await db.update(users).set({ role: "officer" }).where(eq(users.id, 1));
    const broken = {
      ...deps,
      i18n: {
        t: () => {
          throw new Error("the officers' notice could not be queued");
        },
      },
    };
    await expect(submitApplication(broken, { id: a ?? 0, ownerId: 1 })).rejects.toThrow();
    const code = async (id: number) => {
      const result = await submitApplication(deps, { id, ownerId: 1 });
      return "code" in result ? result.code : result.error;
    };
    expect(await code(b ?? 0)).toBe("LS-2028-0001");
    expect(await code(a ?? 0)).toBe("LS-2028-0002");
    expect(await code(c)).toBe("LS-2029-0001");
    const rows = await db.select().from(applications);
    expect(rows.every((row) => row.status === "submitted")).toBe(true);
  });
});
