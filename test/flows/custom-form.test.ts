import { expect, it } from "vitest";
import { expectChoice, expectText } from "../../src/forms/answer-kit.ts";
import type { FormDefinition, Question } from "../../src/forms/types.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

/**
 * A form defined here and nowhere else, run through the real bot: the
 * engine needs nothing but its definition. Its drafts live in this file
 * (a Map), which is enough to show that storage is the definition's choice.
 */

interface VisitDraft {
  id: number;
  ownerId: number;
  name: string | null;
  wantsBooth: boolean | null;
  visitors: number | null;
  submitted: boolean;
}
type VisitPatch = Partial<Pick<VisitDraft, "name" | "wantsBooth" | "visitors">>;

const drafts = new Map<number, VisitDraft>();
const raw = (text: string) => ({ key: "raw", vars: { text } });

const questions: Question<VisitDraft, VisitPatch>[] = [
  {
    id: "name",
    promptKey: "raw",
    promptVars: () => ({ text: "Tên gian hàng?" }),
    label: raw("Tên"),
    isAnswered: (record) => record.name !== null,
    accept(input) {
      const checked = expectText(input, 50);
      return checked.ok ? { ok: true, patch: { name: checked.text } } : checked;
    },
    display: (record) => record.name,
  },
  {
    id: "booth",
    promptKey: "raw",
    promptVars: () => ({ text: "Có cần gian hàng không?" }),
    label: raw("Gian hàng"),
    choices: () => [
      { value: "yes", label: raw("Cần") },
      { value: "no", label: raw("Không cần") },
    ],
    isAnswered: (record) => record.wantsBooth !== null,
    accept(input) {
      const chosen = expectChoice(input, ["yes", "no"]);
      return chosen.ok ? { ok: true, patch: { wantsBooth: chosen.value === "yes" } } : chosen;
    },
    display: (record) => (record.wantsBooth === null ? null : record.wantsBooth ? "Cần" : "Không"),
  },
  {
    id: "visitors",
    promptKey: "raw",
    promptVars: () => ({ text: "Mấy người đi?" }),
    label: raw("Số người"),
    isAnswered: (record) => record.visitors !== null,
    accept(input) {
      const checked = expectText(input, 5);
      if (!checked.ok) return checked;
      return /^\d+$/.test(checked.text)
        ? { ok: true, patch: { visitors: Number(checked.text) } }
        : { ok: false, error: raw("Gõ một con số.") };
    },
    display: (record) => (record.visitors === null ? null : String(record.visitors)),
  },
];

const visitForm: FormDefinition<VisitDraft, VisitPatch, Record<string, never>> = {
  kind: "fair-visit",
  roles: ["applicant"],
  entry: { command: "visit" },
  questions,
  load: async (_db, ref) => {
    const draft = drafts.get(ref.recordId);
    return draft && draft.ownerId === ref.userId && !draft.submitted ? { ...draft } : undefined;
  },
  save: async (_db, ref, patch) => {
    const draft = drafts.get(ref.recordId);
    if (draft) Object.assign(draft, patch);
  },
  facts: async () => ({}),
  async start(_deps, userId) {
    const id = drafts.size + 1;
    drafts.set(id, {
      id,
      ownerId: userId,
      name: null,
      wantsBooth: null,
      visitors: null,
      submitted: false,
    });
    return { kind: "open", recordId: id, intro: raw("Đăng ký tham quan hội chợ.") };
  },
  async submit(_deps, ref) {
    const draft = drafts.get(ref.recordId);
    if (!draft) return { kind: "refused", message: raw("Không còn bản nháp.") };
    draft.submitted = true;
    return { kind: "done", message: raw(`Đã đăng ký cho ${draft.name}.`) };
  },
  summary: {
    title: () => raw("Tóm tắt đăng ký"),
    footer: () => raw("Kiểm tra rồi bấm Gửi."),
    submitLabel: () => raw("📨 Gửi"),
  },
};

describeWithDatabase("a form defined only in its test", (database) => {
  it("is asked, answered, resumed after a restart, summarised and submitted", async () => {
    drafts.clear();
    const world = createTestWorld(database().db, { extraForms: [visitForm] });
    const owner = new TestUser(world, 3101);
    await owner.consent();
    await owner.send("/visit");
    // The intro leads the first question, in the same message.
    expect(owner.lastText()).toMatch(/^Đăng ký tham quan hội chợ\.\n\n/);
    expect(owner.lastText()).toContain("Bước 1/3");
    expect(owner.lastText()).toContain("Tên gian hàng?");
    await owner.send("Chè Bắc Sơn");
    expect(owner.lastText()).toContain("Bước 2/3");
    await owner.press("Cần");

    world.restart(); // a deploy between two answers
    await owner.send("nhiều");
    expect(owner.texts().at(-2)).toBe("Gõ một con số.");
    expect(owner.lastText()).toContain("Mấy người đi?");
    world.restart({ conversationVersion: 7 }); // and one that dropped the stored conversation
    await owner.send("3");

    const summary = owner.lastText();
    expect(summary).toContain("<b>Tóm tắt đăng ký</b>");
    expect(summary).toContain("1. Tên: Chè Bắc Sơn");
    expect(summary).toContain("2. Gian hàng: Cần");
    expect(summary).toContain("3. Số người: 3");
    await owner.press("Sửa mục 3");
    await owner.send("4");
    expect(owner.lastText()).toContain("3. Số người: 4");
    await owner.press("📨 Gửi");
    expect(owner.lastText()).toBe("Đã đăng ký cho Chè Bắc Sơn.");
    expect([...drafts.values()]).toEqual([
      { id: 1, ownerId: 3101, name: "Chè Bắc Sơn", wantsBooth: true, visitors: 4, submitted: true },
    ]);
  });

  it("is refused to a role it is not for", async () => {
    drafts.clear();
    const world = createTestWorld(database().db, { extraForms: [visitForm], adminIds: [3102] });
    const officer = new TestUser(world, 3102);
    await officer.consent();
    await officer.send("/visit");
    expect(officer.lastText()).toContain("không dành cho Anh/Chị");
    expect(drafts.size).toBe(0);
  });
});
