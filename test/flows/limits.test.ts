import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applicationHistory, applications } from "../../src/db/schema/index.ts";
import { createApplicationDraft } from "../../src/services/applications/drafts.ts";
import { submitApplication } from "../../src/services/applications/submission.ts";
import {
  createEstablishmentDraft,
  markEstablishmentComplete,
  updateEstablishment,
} from "../../src/services/establishments.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("Telegram's limits with long answers and many applications", (database) => {
  it("pages the list and keeps every message under 4096 characters, emoji and markup included", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1401);
    await owner.consent();
    const establishment = await createEstablishmentDraft(db, 1401);
    await updateEstablishment(db, establishment.id, 1401, {
      name: "Hợp tác xã <Chè> & 🍵".repeat(10),
    });
    await markEstablishmentComplete(db, establishment.id, 1401, new Date());
    for (let i = 0; i < 19; i++) {
      const draft = await createApplicationDraft(db, {
        ownerId: 1401,
        establishmentId: establishment.id,
        planYear: 2028,
      });
      await db
        .update(applications)
        .set({
          title: `Máy sấy 🍵 <loại ${i}> & co `.repeat(8),
          description: "Mô tả 🍵 <dài> & chi tiết. ".repeat(80),
          expectedResults: "Kết quả 🍵 & <nhiều>. ".repeat(50),
        })
        .where(eq(applications.id, draft.id));
      await submitApplication(world.deps, { id: draft.id, ownerId: 1401 });
      for (let n = 0; n < 30; n++) {
        await db.insert(applicationHistory).values({
          applicationId: draft.id,
          toStatus: "reviewing",
          note: "Ghi chú 🍵 <dài> & ".repeat(20),
        });
      }
    }
    await owner.send("📂 Hồ sơ của tôi");
    expect(owner.lastText()).toContain("(1/3)");
    await owner.press("Trang sau ▶️");
    expect(owner.lastText()).toContain("(2/3)");
    await owner.press(/^LS-2028-00/);
    const details = owner.lastText();
    expect(details).toContain("Quá trình xử lý");
    expect(details).toContain("&lt;dài&gt; &amp;");
  });
});
