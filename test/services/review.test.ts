import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applicationHistory, applications, outbox, users } from "../../src/db/schema/index.ts";
import { createApplicationDraft } from "../../src/services/applications/drafts.ts";
import { changeApplicationStatus } from "../../src/services/applications/review.ts";
import { submitApplication } from "../../src/services/applications/submission.ts";
import { createEstablishmentDraft } from "../../src/services/establishments.ts";
import { describeWithDatabase } from "../support/database.ts";
import { testDependencies } from "../support/deps.ts";

describeWithDatabase("a status change is one action with its notices", (database) => {
  async function submitted() {
    const deps = testDependencies(database().db);
    const { db } = deps;
    await db.insert(users).values([
      { id: 10, chatId: 10, consentAt: new Date(), language: "en" },
      { id: 20, chatId: 20, consentAt: new Date(), role: "officer" },
    ]);
    const establishment = await createEstablishmentDraft(db, 10);
    const draft = await createApplicationDraft(db, {
      ownerId: 10,
      establishmentId: establishment.id,
      planYear: 2028,
    });
    await db
      .update(applications)
      .set({ title: "Máy sấy <chè>" })
      .where(eq(applications.id, draft.id));
    await submitApplication(deps, { id: draft.id, ownerId: 10 });
    return { deps, id: draft.id };
  }

  it("an officer's change is recorded and told to the owner in their language, at once", async () => {
    const { deps, id } = await submitted();
    const result = await changeApplicationStatus(deps, {
      id,
      to: "received",
      actor: "officer",
      actorId: 20,
      note: "Hồ sơ đủ",
    });
    expect(result).toMatchObject({ ok: true, from: "submitted", code: "LS-2028-0001" });
    const [notice] = await deps.db.select().from(outbox).where(eq(outbox.chatId, 10));
    expect(notice).toMatchObject({ kind: "owner-status-change", urgency: "immediate" });
    expect(notice?.payload).toMatchObject({
      text: "📬 Application <b>LS-2028-0001</b> (“Máy sấy &lt;chè&gt;”) has been received by Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Lạng Sơn. An officer will review it and tell you here.\nNote: Hồ sơ đủ",
    });
    const history = await deps.db.select().from(applicationHistory);
    expect(history.map((entry) => entry.toStatus)).toEqual(["submitted", "received"]);
  });

  it("a refused change writes nothing and tells no one", async () => {
    const { deps, id } = await submitted();
    const before = (await deps.db.select().from(outbox)).length;
    expect(
      await changeApplicationStatus(deps, { id, to: "approved", actor: "officer", actorId: 20 }),
    ).toEqual({ ok: false, error: "status-transition-not-allowed" });
    expect(await deps.db.select().from(outbox)).toHaveLength(before);
    expect(await deps.db.select().from(applicationHistory)).toHaveLength(1);
  });

  it("an owner's withdrawal tells the officers; another owner cannot withdraw it", async () => {
    const { deps, id } = await submitted();
    expect(
      await changeApplicationStatus(deps, {
        id,
        to: "withdrawn",
        actor: "owner",
        actorId: 99,
        ownerId: 99,
      }),
    ).toEqual({ ok: false, error: "not-found" });
    await changeApplicationStatus(deps, {
      id,
      to: "withdrawn",
      actor: "owner",
      actorId: 10,
      ownerId: 10,
      note: "Đã tự mua máy",
    });
    const notices = await deps.db.select().from(outbox).where(eq(outbox.kind, "officer-notice"));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.payload).toMatchObject({
      text: "↩️ Chủ cơ sở đã rút hồ sơ <b>LS-2028-0001</b> (Máy sấy &lt;chè&gt;).\nGhi chú: Đã tự mua máy",
    });
  });
});
