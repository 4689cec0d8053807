import { expect, it } from "vitest";
import { seedSampleApplications } from "../../src/tools/sample-data.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("the officers' inbox", (database) => {
  it("lists what waits, oldest first, filters with buttons, pages, and finds by code or name", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    await seedSampleApplications(world.deps, { count: 60, seed: 3 });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/inbox");
    const first = officer.lastText();
    const total = Number(/Hồ sơ chờ xử lý: (\d+)/.exec(first)?.[1]);
    expect(total).toBeGreaterThan(8);
    expect(first).toContain("trang 1/");
    // oldest first: the days waiting never grow down the page
    const days = [...first.matchAll(/· (\d+) ngày/g)].map((m) => Number(m[1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));

    await officer.press("Nguồn kinh phí");
    await officer.press("Khuyến công quốc gia");
    const national =
      officer.world.api.messages.get(officer.findButton("Trạng thái").messageId)?.text ?? "";
    expect(national).toContain("Lọc: Khuyến công quốc gia");
    expect(national).not.toContain("Khuyến công địa phương ·");

    await officer.press("Trạng thái");
    await officer.press("Tất cả");
    await officer.press("Nguồn kinh phí");
    await officer.press("Tất cả");
    await officer.press("Trang sau ▶️");
    const second =
      officer.world.api.messages.get(officer.findButton("Trạng thái").messageId)?.text ?? "";
    expect(second).toContain("trang 2/");

    await officer.send("/find LS-2026-0003");
    expect(officer.lastText()).toContain("Tìm thấy 1 hồ sơ");
    await officer.send("/find Chè");
    expect(officer.lastText()).toMatch(/Tìm thấy \d+ hồ sơ/);
    await officer.send("/find không-có-ai");
    expect(officer.lastText()).toContain("Không tìm thấy hồ sơ nào");
  });

  it("is not for owners", async () => {
    const world = createTestWorld(database().db);
    const owner = new TestUser(world, 801);
    await owner.consent();
    await owner.send("/inbox");
    expect(owner.lastText()).toContain("chỉ dành cho cán bộ");
    await owner.send("/find LS-2026-0001");
    expect(owner.lastText()).toContain("chỉ dành cho cán bộ");
  });
});
