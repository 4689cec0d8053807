import type { TestUser } from "../support/chat.ts";
import { validTaxCode } from "../support/tax-codes.ts";

/** The date and the office of issue of the tax code (asked right after it). */
export async function answerTaxCodeDetails(owner: TestUser): Promise<void> {
  await owner.send("15/3/2019");
  await owner.send("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn");
}

/** The answers of a complete establishment profile, in the order asked. */
export async function fillProfile(owner: TestUser): Promise<void> {
  await owner.send("Hợp tác xã Chè <Bắc Sơn> & Co");
  await owner.press("Hợp tác xã");
  await owner.send(validTaxCode(owner.id));
  await answerTaxCodeDetails(owner);
  await owner.send("xa cao loc");
  await owner.send("Thôn Nà Pàn");
  await owner.send("Hoàng Văn Minh");
  await owner.send("Chủ nhiệm hợp tác xã");
  await owner.sendContact("84912345678");
  await owner.press("Bỏ qua");
  await owner.send("Chế biến chè");
  await owner.send("Chè Ô Long, chè xanh");
  await owner.send("15");
}

/**
 * The screening (first application only: the one question the profile
 * cannot answer), then the 11 questions of the application.
 */
export async function fillApplication(
  owner: TestUser,
  options: { eligibility?: boolean; title?: string; program?: "local" | "national" } = {},
): Promise<void> {
  if (options.eligibility !== false) await owner.press("Có");
  await owner.press(
    options.program === "national" ? "Khuyến công quốc gia" : "Khuyến công địa phương",
  );
  await owner.press("4. ");
  await owner.send(options.title ?? "Hỗ trợ ứng dụng máy sấy chè");
  await owner.send("Mua 01 máy sấy chè 500 kg/mẻ thay sấy thủ công.");
  await owner.send("600 triệu");
  await owner.send("250tr");
  await owner.press("✅ Đúng");
  await owner.send("3/2028");
  await owner.send("tháng 10/2028");
  await owner.send("Giữ 15 lao động, tạo thêm 5 việc làm.");
  await owner.sendPhoto();
  await owner.press("✅ Xong");
}

/** A person who consented, filled in the profile and the whole application, and sees the summary. */
export async function ownerAtApplicationSummary(owner: TestUser): Promise<TestUser> {
  await owner.consent();
  await owner.send("/apply");
  await fillProfile(owner);
  await owner.press("✅ Thông tin đã đúng");
  await fillApplication(owner);
  return owner;
}
