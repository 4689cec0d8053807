import type { LegalForm } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { type AnswerShape, NOT_TEXT } from "../../domain/answer-shape.ts";
import { compareDates, formatDate, localParts, parseDate } from "../../domain/dates.ts";
import { formatPhone, parsePhone } from "../../domain/phone.ts";
import { LEGAL_FORM_IDS } from "../../domain/province.ts";
import { parseTaxCode } from "../../domain/tax-code.ts";
import {
  createEstablishmentDraft,
  deleteIncompleteEstablishment,
  type EstablishmentDraft,
  type EstablishmentPatch,
  findEstablishment,
  findOwnersEstablishment,
  isTaxCodeConflict,
  markEstablishmentComplete,
  taxCodeTakenByAnother,
  updateEstablishment,
} from "../../services/establishments.ts";
import { expectChoice, expectText, invalid, textQuestion, wrongKind } from "../answer-kit.ts";
import { AnswerRefusedError, type Choice, type FormDefinition, type Question } from "../types.ts";
import { communeQuestion } from "./profile-commune.ts";

/** The establishment profile (thông tin cơ sở), asked before the first application and editable later. */

type ProfileFacts = Record<string, never>;
type ProfileQuestion = Question<EstablishmentDraft, EstablishmentPatch, ProfileFacts>;

export const LEGAL_FORMS: readonly LegalForm[] = LEGAL_FORM_IDS;

/**
 * A short free-text question saved into one column; `unlikely`: what its
 * answers should not look like (a number for a name: asked about first).
 */
const textField = (
  id: string,
  field: keyof EstablishmentPatch & keyof EstablishmentDraft & string,
  maxLength: number,
  unlikely: readonly AnswerShape[] = NOT_TEXT,
): ProfileQuestion =>
  textQuestion<EstablishmentDraft, EstablishmentPatch, ProfileFacts>({
    id,
    promptKey: `profile-q-${id}`,
    field,
    maxLength,
    unlikely,
  });

const phoneQuestion: ProfileQuestion = {
  id: "phone",
  promptKey: "profile-q-phone",
  requestContact: true,
  isAnswered: (record) => record.phone !== null,
  accept(input) {
    let typed: string;
    if (input.kind === "contact") typed = input.phone;
    else if (input.kind === "text") typed = input.text;
    else return { ok: false, error: wrongKind(input) };
    const parsed = parsePhone(typed);
    if (!parsed.ok) return { ok: false, error: invalid(parsed, typed) };
    return {
      ok: true,
      patch: { phone: parsed.value.e164 },
      notices: [{ key: "phone-saved", vars: { phone: formatPhone(parsed.value.e164) } }],
    };
  },
  display: (record) => (record.phone ? formatPhone(record.phone) : null),
};

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export const SKIP_VALUE = "skip";

const skipChoice = (labelKey = "form-skip"): Choice => ({
  value: SKIP_VALUE,
  label: { key: labelKey },
  acknowledgement: { key: "form-skipped-ack" },
});

const isHousehold = (record: EstablishmentDraft) => record.legalForm === "household-business";

/** The earliest year a registration is taken to be issued in (an earlier one is a typo). */
const EARLIEST_ISSUE_YEAR = 1950;

/** The day the tax code or registration was issued (ngày cấp); a household business without one skips. */
const taxIssuedOnQuestion: ProfileQuestion = {
  id: "tax-issued-on",
  promptKey: "profile-q-tax-issued-on",
  promptVars: (record) => ({ household: isHousehold(record) ? "yes" : "no" }),
  choices: (record) => (isHousehold(record) ? [skipChoice("tax-issued-none")] : []),
  // "" means the owner has no paper to give a date of
  isAnswered: (record) => record.taxCodeIssuedOn !== null,
  accept(input, record, { nowIso, timeZone }) {
    if (input.kind === "choice") {
      if (input.value !== SKIP_VALUE || !isHousehold(record))
        return { ok: false, error: { key: "form-use-buttons" } };
      return { ok: true, patch: { taxCodeIssuedOn: "", taxCodeIssuedBy: "" } };
    }
    const checked = expectText(input, 30);
    if (!checked.ok) return { ok: false, error: checked.error };
    const parsed = parseDate(checked.text);
    if (!parsed.ok) return { ok: false, error: invalid(parsed, checked.text) };
    const date = parsed.value;
    if (compareDates(date, localParts(new Date(nowIso), timeZone)) > 0)
      return {
        ok: false,
        error: { key: "tax-issued-in-future", vars: { date: formatDate(date) } },
      };
    if (date.year < EARLIEST_ISSUE_YEAR)
      return {
        ok: false,
        error: { key: "tax-issued-too-early", vars: { date: formatDate(date) } },
      };
    const iso = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    return { ok: true, patch: { taxCodeIssuedOn: iso } };
  },
  display: (record, _context, t) => {
    const value = record.taxCodeIssuedOn;
    if (value === null) return null;
    if (value === "") return t("form-skipped");
    const [year, month, day] = value.split("-").map(Number);
    return formatDate({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
  },
};

/** Who issued it (nơi cấp); not asked when the owner has no paper. */
const taxIssuedByQuestion: ProfileQuestion = {
  ...textField("tax-issued-by", "taxCodeIssuedBy", 200),
  applies: (record) => record.taxCodeIssuedOn !== "",
};

const emailQuestion: ProfileQuestion = {
  id: "email",
  promptKey: "profile-q-email",
  choices: () => [skipChoice()],
  // "" means the owner chose to give none
  isAnswered: (record) => record.email !== null,
  accept(input) {
    if (input.kind === "choice" && input.value === SKIP_VALUE)
      return { ok: true, patch: { email: "" } };
    const checked = expectText(input, 254);
    if (!checked.ok) return { ok: false, error: checked.error };
    const email = checked.text.replace(/\s/g, "");
    if (!EMAIL.test(email))
      return { ok: false, error: { key: "invalid-email", vars: { input: email.slice(0, 40) } } };
    return { ok: true, patch: { email: email.toLowerCase() } };
  },
  display: (record, _context, t) =>
    record.email === null ? null : record.email === "" ? t("form-skipped") : record.email,
};

const workersQuestion: ProfileQuestion = {
  id: "workers",
  promptKey: "profile-q-workers",
  isAnswered: (record) => record.workers !== null,
  accept(input) {
    const checked = expectText(input, 20);
    if (!checked.ok) return { ok: false, error: checked.error };
    const digits = checked.text.replace(/[.\s]|người|nguoi|lao động|lao dong|lđ|ld/giu, "");
    if (!/^\d+$/.test(digits))
      return {
        ok: false,
        error: { key: "invalid-workers", vars: { input: checked.text.slice(0, 40) } },
      };
    const workers = Number(digits);
    if (workers < 1 || workers > 100_000)
      return {
        ok: false,
        error: { key: "invalid-workers-range", vars: { input: checked.text.slice(0, 40) } },
      };
    return { ok: true, patch: { workers } };
  },
  display: (record) => (record.workers === null ? null : String(record.workers)),
};

export const profileForm: FormDefinition<EstablishmentDraft, EstablishmentPatch, ProfileFacts> = {
  kind: "profile",
  roles: ["applicant", "officer", "admin"],
  entry: { command: "profile", menuKey: "menu-profile" },
  names: { form: "form-name-profile", resumeButton: "menu-resume-profile" },
  draftName: (record) => record.name,
  load: (db, ref) => findEstablishment(db, ref.recordId, ref.userId),
  async save(db, ref, patch) {
    // One establishment per tax code; nothing is said about who has it (it may be another owner).
    const refused = new AnswerRefusedError({ key: "tax-code-registered-elsewhere" });
    if (patch.taxCode && (await taxCodeTakenByAnother(db, patch.taxCode, ref.recordId)))
      throw refused;
    try {
      await updateEstablishment(db, ref.recordId, ref.userId, patch);
    } catch (error) {
      if (isTaxCodeConflict(error)) throw refused;
      throw error;
    }
  },
  facts: async () => ({}),
  async start(deps: AppDependencies, userId, args) {
    const existing = await findOwnersEstablishment(deps.db, userId);
    const establishment = existing ?? (await createEstablishmentDraft(deps.db, userId));
    const intro = args.continueWith
      ? { key: `profile-intro-before-${args.continueWith}` }
      : existing
        ? undefined
        : { key: "profile-intro" };
    return { kind: "open", recordId: establishment.id, ...(intro ? { intro } : {}) };
  },
  async submit(deps, ref, record, openForm) {
    if (!record.completed)
      await markEstablishmentComplete(deps.db, ref.recordId, ref.userId, deps.clock.now());
    if (openForm.continueWith) {
      return {
        kind: "done",
        message: { key: "profile-saved-continue" },
        next: { form: openForm.continueWith },
      };
    }
    return { kind: "done", message: { key: "profile-saved" } };
  },
  isDraft: (record) => !record.completed,
  async resumable(db, userId) {
    const establishment = await findOwnersEstablishment(db, userId);
    return establishment && !establishment.completed ? establishment.id : undefined;
  },
  async discard(db, ref, record) {
    // A finished profile being edited: each change was saved as it was made; there is no draft.
    if (record.completed) return false;
    await deleteIncompleteEstablishment(db, ref.recordId, ref.userId);
    return true;
  },
  summary: {
    title: () => ({ key: "summary-profile-title" }),
    footer: () => ({ key: "summary-profile-footer" }),
    submitLabel: (record) => ({
      key: record.completed ? "summary-profile-close" : "summary-profile-confirm",
    }),
  },
  questions: [
    textField("name", "name", 200),
    {
      id: "legal-form",
      promptKey: "profile-q-legal-form",
      columns: 2,
      choices: () =>
        LEGAL_FORMS.map((form) => ({ value: form, label: { key: `legal-form-${form}` } })),
      isAnswered: (record) => record.legalForm !== null,
      accept(input) {
        const chosen = expectChoice(input, LEGAL_FORMS);
        if (!chosen.ok) return { ok: false, error: chosen.error };
        return { ok: true, patch: { legalForm: chosen.value as LegalForm } };
      },
      display: (record, _context, t) =>
        record.legalForm ? t(`legal-form-${record.legalForm}`) : null,
    },
    {
      id: "tax-code",
      promptKey: "profile-q-tax-code",
      isAnswered: (record) => record.taxCode !== null,
      accept(input) {
        const checked = expectText(input, 30);
        if (!checked.ok) return { ok: false, error: checked.error };
        const parsed = parseTaxCode(checked.text);
        if (!parsed.ok) return { ok: false, error: invalid(parsed, checked.text) };
        return { ok: true, patch: { taxCode: parsed.value.value } };
      },
      display: (record) => record.taxCode,
    },
    taxIssuedOnQuestion,
    taxIssuedByQuestion,
    communeQuestion,
    // An address may hold a house number; never a phone, an amount or a head count.
    textField("address", "address", 200, ["phone", "email", "tax-code", "money", "count", "date"]),
    textField("representative", "representativeName", 100),
    textField("position", "representativePosition", 100),
    phoneQuestion,
    emailQuestion,
    textField("sector", "sector", 200),
    textField("products", "mainProducts", 500),
    workersQuestion,
  ],
};
