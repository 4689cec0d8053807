import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { OFFICER_COMMANDS } from "../../src/bot/commands.ts";
import { EXPORT_PROGRESS_EVERY } from "../../src/bot/features/reports.ts";
import { seedSampleApplications } from "../../src/tools/sample-data.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("the officers' reports in the chat", (database) => {
  it("/export: a plan year, a stream, a status and a format with buttons, then the file as a document", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    await seedSampleApplications(world.deps, { count: 80, seed: 4 });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/export");
    expect(officer.lastText()).toContain("xuất danh sách hồ sơ của kế hoạch năm nào");
    await officer.press("Năm 2026");
    await officer.press("Khuyến công địa phương");
    await officer.press("Tất cả trạng thái");
    await officer.press("Excel (.xlsx)");

    const documents = world.api.callsTo("sendDocument").filter((call) => call.ok);
    expect(documents).toHaveLength(1);
    const sent = [...world.api.messages.values()].find((message) => message.kind === "document");
    expect(sent?.document?.file_name).toBe("danh-sach-ho-so-2026.xlsx");
    const caption = sent?.caption ?? "";
    const count = Number(/: (\d+) hồ sơ/.exec(caption)?.[1]);
    expect(caption).toContain(
      "Năm: 2026 · Nguồn: Khuyến công địa phương · Trạng thái: Tất cả trạng thái",
    );
    // the progress message ends with what was done
    expect(
      [...world.api.messages.values()].some(
        (message) => message.text === `✅ Đã xong: ${count} hồ sơ. Tệp được gửi ngay dưới đây.`,
      ),
    ).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sent?.document?.bytes ?? new Uint8Array()) as never);
    const list = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(list.rowCount).toBe(count + 2);
    const header = (list.getRow(1).values as unknown[]).slice(1);
    const streams = new Set<unknown>();
    const years = new Set<unknown>();
    for (let r = 2; r <= count + 1; r++) {
      streams.add(list.getRow(r).getCell(header.indexOf("Nguồn kinh phí") + 1).value);
      years.add(String(list.getRow(r).getCell(header.indexOf("Mã hồ sơ") + 1).value).slice(3, 7));
    }
    expect([...streams]).toEqual(["Khuyến công địa phương"]);
    expect([...years]).toEqual(["2026"]);

    // CSV of one status, all years
    await officer.send("/export");
    await officer.press("Tất cả các năm");
    await officer.press("Cả hai nguồn");
    await officer.press("Được phê duyệt");
    await officer.press("CSV (UTF-8)");
    const csv = [...world.api.messages.values()]
      .filter((message) => message.kind === "document")
      .at(-1);
    expect(csv?.document?.file_name).toBe("danh-sach-ho-so-all.csv");
    const text = Buffer.from(csv?.document?.bytes ?? new Uint8Array()).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines.slice(1).every((line) => line.includes("Được phê duyệt"))).toBe(true);
  });

  it("/export of a large list: the progress message is edited as rows are written", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    await seedSampleApplications(world.deps, { count: EXPORT_PROGRESS_EVERY + 5, seed: 2 });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/export");
    await officer.press("Tất cả các năm");
    await officer.press("Cả hai nguồn");
    await officer.press("Tất cả trạng thái");
    await officer.press("CSV (UTF-8)");
    const progress = officer.texts().at(-1) ?? "";
    expect(progress).toContain("Đang tạo tệp");
    const edits = world.api
      .callsTo("editMessageText")
      .filter((call) => call.ok && String(call.params.text).includes("hồ sơ"))
      .map((call) => String(call.params.text));
    expect(edits).toEqual([
      "⏳ Đang tạo tệp: đã ghi 10.000 hồ sơ…",
      "✅ Đã xong: 10.005 hồ sơ. Tệp được gửi ngay dưới đây.",
    ]);
    expect(world.api.callsTo("sendDocument").filter((call) => call.ok)).toHaveLength(1);
  }, 60_000);

  it("/stats: the digest's figures for the plan year chosen", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    await seedSampleApplications(world.deps, { count: 60, seed: 8 });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/stats");
    expect(officer.lastText()).toContain("xem số liệu của kế hoạch năm nào");
    await officer.press("Năm 2027");
    const shown = world.api.messages.get(officer.findButton("Năm 2026").messageId)?.text ?? "";
    expect(shown).toContain("Số liệu hồ sơ kế hoạch năm 2027");
    expect(shown).toMatch(/Đang chờ xử lý: \d+ hồ sơ/);
    expect(shown).toContain("theo nguồn kinh phí");
    await officer.send("/stats 2026");
    expect(officer.lastText()).toContain("Số liệu hồ sơ kế hoạch năm 2026");
  });

  it("is refused to an owner, by command and by button", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    await seedSampleApplications(world.deps, { count: 5, seed: 1 });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/export");
    const yearButton = officer.findButton("Năm 2026");
    const owner = new TestUser(world, 801);
    await owner.consent();
    await owner.send("/export");
    expect(owner.lastText()).toContain("chỉ dành cho cán bộ");
    await owner.send("/stats");
    expect(owner.lastText()).toContain("chỉ dành cho cán bộ");
    // an officer's button, forwarded or forged, does nothing for an owner
    await owner.pressData(yearButton.data);
    const answers = world.api.callsTo("answerCallbackQuery").at(-1);
    expect(String(answers?.params.text)).toContain("chỉ dành cho cán bộ");
    expect(world.api.callsTo("sendDocument")).toHaveLength(0);
  });

  it("/help tells officers their commands, and owners not", async () => {
    const world = createTestWorld(database().db, { adminIds: [9] });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/help");
    for (const command of OFFICER_COMMANDS) expect(officer.lastText()).toContain(`/${command}:`);
    const owner = new TestUser(world, 801);
    await owner.consent();
    await owner.send("/help");
    expect(owner.lastText()).not.toContain("/export");
  });

  it("lists the officers' commands with a description in both languages", () => {
    const world = createTestWorld(database().db);
    for (const command of OFFICER_COMMANDS) {
      for (const language of ["vi", "en"] as const) {
        expect(world.deps.i18n.t(language, `command-${command}`)).not.toMatch(/^command-/);
      }
    }
  });
});
