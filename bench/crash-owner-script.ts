/**
 * What one owner types in bench:crash, step by step, and what must be in
 * the database at the end. Each owner's values are their own (a number in
 * every text), so an answer saved into another field is seen.
 */
import { loadProvince } from "../src/data/load-province.ts";
import { registrationWindow } from "../src/domain/plan-year.ts";
import { createI18n } from "../src/i18n.ts";
import { validTaxCode } from "../test/support/tax-codes.ts";

export interface OwnerStep {
  /** what the owner sends (a message's fields) … */
  message?: Record<string, unknown>;
  /** … or the label (start) of the button they tap */
  press?: string;
  /** text that shows the answer was taken: the start of what is asked next */
  next: string;
  /** the database field this answer fills (for the outage count) */
  field?: string;
}

const i18n = createI18n();
const province = loadProvince("lang-son");
/** The start of a question as the bot writes it (up to its first variable), to recognise it on screen. */
const CUT = "\u0001";
const asked = (key: string, vars: Record<string, string | number> = {}) =>
  i18n
    .t("vi", key, {
      total: CUT,
      amount: CUT,
      year: CUT,
      start: CUT,
      count: CUT,
      max: CUT,
      province: CUT,
      ...vars,
    })
    .split("\n")[0]
    ?.split(CUT)[0]
    ?.slice(0, 24) ?? key;

export const planYear = registrationWindow(new Date(), province, "Asia/Ho_Chi_Minh").planYear;

export function expectedRows(owner: number) {
  return {
    name: `Hợp tác xã Chè số ${owner}`,
    legalForm: "cooperative",
    taxCode: validTaxCode(owner),
    taxCodeIssuedOn: "2019-03-15",
    taxCodeIssuedBy: `Sở Kế hoạch và Đầu tư ${owner}`,
    communeCode: "06211",
    address: `Thôn ${owner} Nà Pàn`,
    representativeName: `Hoàng Văn ${owner}`,
    representativePosition: `Chủ nhiệm ${owner}`,
    phone: `+849${String(owner).padStart(8, "0").slice(-8)}`,
    sector: `Chế biến chè ${owner}`,
    mainProducts: `Chè Ô Long ${owner}`,
    workers: (owner % 200) + 5,
    program: "local",
    category: "machinery",
    title: `Máy sấy chè ${owner}`,
    description: `Mua máy sấy chè ${owner} kg/mẻ`,
    totalCost: "600000000",
    requestedSupport: "250000000",
    counterpartFunds: "350000000",
    periodStart: `${planYear}-03`,
    periodEnd: `${planYear}-10`,
    expectedResults: `Tạo thêm ${owner} việc làm`,
    status: "submitted",
  } satisfies Record<string, string | number>;
}

export function ownerScript(owner: number): OwnerStep[] {
  const e = expectedRows(owner);
  const text = (value: string | number) => ({ text: String(value) });
  return [
    { message: text("/start"), next: asked("consent-question") },
    { press: asked("consent-accept"), next: asked("consent-accepted") },
    { message: text("/apply"), next: asked("profile-q-name") },
    { message: text(e.name), field: "name", next: asked("profile-q-legal-form") },
    { press: "Hợp tác xã", field: "legalForm", next: asked("profile-q-tax-code") },
    {
      message: text(e.taxCode),
      field: "taxCode",
      next: asked("profile-q-tax-issued-on", { household: "no" }),
    },
    {
      message: text("15/3/2019"),
      field: "taxCodeIssuedOn",
      next: asked("profile-q-tax-issued-by"),
    },
    {
      message: text(e.taxCodeIssuedBy),
      field: "taxCodeIssuedBy",
      next: asked("profile-q-commune", { province: province.name }),
    },
    { message: text("xa cao loc"), field: "communeCode", next: asked("profile-q-address") },
    { message: text(e.address), field: "address", next: asked("profile-q-representative") },
    {
      message: text(e.representativeName),
      field: "representativeName",
      next: asked("profile-q-position"),
    },
    {
      message: text(e.representativePosition),
      field: "representativePosition",
      next: asked("profile-q-phone"),
    },
    {
      message: {
        contact: { phone_number: String(e.phone), first_name: "Chủ cơ sở", user_id: owner },
      },
      field: "phone",
      next: asked("profile-q-email"),
    },
    { press: "Bỏ qua", next: asked("profile-q-sector") },
    { message: text(e.sector), field: "sector", next: asked("profile-q-products") },
    { message: text(e.mainProducts), field: "mainProducts", next: asked("profile-q-workers") },
    { message: text(e.workers), field: "workers", next: asked("summary-profile-title") },
    { press: "✅ Thông tin đã đúng", next: asked("eligibility-q-industrial") },
    { press: "Có", next: asked("application-q-program") },
    { press: "Khuyến công địa phương", field: "program", next: asked("application-q-category") },
    { press: "4. ", field: "category", next: asked("application-q-title") },
    { message: text(e.title), field: "title", next: asked("application-q-description") },
    { message: text(e.description), field: "description", next: asked("application-q-total-cost") },
    { message: text("600 triệu"), field: "totalCost", next: asked("application-q-requested") },
    { message: text("250tr"), field: "requestedSupport", next: asked("application-q-counterpart") },
    { press: "✅ Đúng", field: "counterpartFunds", next: asked("application-q-period-start") },
    {
      message: text(`3/${planYear}`),
      field: "periodStart",
      next: asked("application-q-period-end"),
    },
    {
      message: text(`tháng 10/${planYear}`),
      field: "periodEnd",
      next: asked("application-q-results"),
    },
    {
      message: text(e.expectedResults),
      field: "expectedResults",
      next: asked("application-q-attachments", { count: 0, max: 10 }),
    },
    { press: "Bỏ qua", next: asked("summary-application-title", { year: String(planYear) }) },
    { press: "📨 Nộp hồ sơ", field: "status", next: "LS-" },
  ];
}
