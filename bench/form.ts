/**
 * `npm run bench:form [-- --owners N]` — does the form get slower or heavier
 * as it fills up? Walks N owners through the whole profile and application
 * (32 updates each) on an in-memory PGlite (or PostgreSQL when DATABASE_URL
 * is set), timing every update and measuring the conversation state stored
 * after it. Prints one JSON line.
 */

import { openDatabase } from "../src/db/client.ts";
import { conversationState } from "../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../test/support/chat.ts";
import { validTaxCode } from "../test/support/tax-codes.ts";
import { scratchDatabase } from "./scratch-database.ts";

const ownersArg = process.argv.indexOf("--owners");
const owners = ownersArg >= 0 ? Number(process.argv[ownersArg + 1]) : 20;
const scratch = process.env.DATABASE_URL
  ? await scratchDatabase(process.env.DATABASE_URL)
  : undefined;
const database = await openDatabase(
  scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite-memory" },
);
const world = createTestWorld(database.db);

/** ms per update and bytes of stored state, by position in the form */
const timings: number[][] = [];
const stateBytes: number[][] = [];

async function measure(step: number, act: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await act();
  const elapsed = performance.now() - started;
  const rows = await database.db.select().from(conversationState);
  const bytes = rows.reduce((sum, row) => sum + JSON.stringify(row.value).length, 0);
  timings[step] = [...(timings[step] ?? []), elapsed];
  stateBytes[step] = [...(stateBytes[step] ?? []), bytes];
}

for (let index = 0; index < owners; index++) {
  const owner = new TestUser(world, 50_000 + index);
  await owner.consent();
  await owner.send("/apply");
  const steps: (() => Promise<unknown>)[] = [
    () => owner.send("Hợp tác xã Chè Bắc Sơn"),
    () => owner.press("Hợp tác xã"),
    () => owner.send(validTaxCode(owner.id)),
    () => owner.send("15/3/2019"),
    () => owner.send("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn"),
    () => owner.send("xa cao loc"), // bare "cao loc" is also the former thị trấn Cao Lộc: a choice
    () => owner.send("Thôn Nà Pàn"),
    () => owner.send("Hoàng Văn Minh"),
    () => owner.send("Chủ nhiệm"),
    () => owner.sendContact("0912345678"),
    () => owner.press("Bỏ qua"),
    () => owner.send("Chế biến chè"),
    () => owner.send("Chè Ô Long"),
    () => owner.send("15"),
    () => owner.press("✅ Thông tin đã đúng"),
    () => owner.press("Có"),
    () => owner.press("Khuyến công địa phương"),
    () => owner.press("4. "),
    () => owner.send("Hỗ trợ máy sấy chè"),
    () => owner.send("Mua 01 máy sấy chè 500 kg/mẻ"),
    () => owner.send("600 triệu"),
    () => owner.send("250 triệu"),
    () => owner.press("✅ Đúng"),
    () => owner.send("3/2028"),
    () => owner.send("10/2028"),
    () => owner.send("Tạo 5 việc làm"),
    () => owner.sendPhoto(`p${index}`),
    () => owner.press("✅ Xong"),
  ];
  for (const [step, act] of steps.entries()) await measure(step, act);
  await owner.press("📨 Nộp hồ sơ");
  // State of finished owners is deleted with their conversation; keep the measure per owner.
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number) => Math.round(value * 100) / 100;
// Skip the first owner (warm-up: JIT, first queries).
const perStep = timings.map((values) => median(values.slice(1)));
const firstFive = perStep.slice(0, 5);
const lastFive = perStep.slice(-5);
console.log(
  JSON.stringify({
    bench: "form",
    driver: database.driver,
    owners,
    updates: timings.length,
    ms_per_update_first: round(firstFive.reduce((a, b) => a + b, 0) / firstFive.length),
    ms_per_update_last: round(lastFive.reduce((a, b) => a + b, 0) / lastFive.length),
    ms_per_update_max: round(Math.max(...perStep)),
    state_bytes_first: median(stateBytes[0] ?? []),
    state_bytes_last: median(stateBytes.at(-2) ?? []),
    state_bytes_max: Math.max(...stateBytes.flat()),
  }),
);
await database.close();
await scratch?.drop();
