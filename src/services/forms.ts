import { and, count, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { applications, establishments, type OpenForm, users } from "../db/schema/index.ts";
import {
  type ApplicationDraft,
  type ApplicationPatch,
  findApplication,
  updateApplicationDraft,
} from "./applications.ts";
import {
  type EstablishmentDraft,
  type EstablishmentPatch,
  findEstablishment,
  updateEstablishment,
} from "./establishments.ts";

/**
 * The one place forms read and write their drafts. A draft is the record
 * itself (the establishment, or the application in status draft): each
 * answer is written to it as it is given, so nothing typed is ever lost.
 */

export type FormRecord =
  | { kind: "profile"; record: EstablishmentDraft }
  | { kind: "application"; record: ApplicationDraft };

export async function loadFormRecord(
  db: Executor,
  form: Pick<OpenForm, "kind" | "recordId">,
  ownerId: number,
): Promise<FormRecord | undefined> {
  if (form.kind === "profile") {
    const record = await findEstablishment(db, form.recordId, ownerId);
    return record ? { kind: "profile", record } : undefined;
  }
  const record = await findApplication(db, form.recordId, ownerId);
  return record && record.status === "draft" ? { kind: "application", record } : undefined;
}

export async function saveFormAnswer(
  db: Executor,
  form: Pick<OpenForm, "kind" | "recordId">,
  ownerId: number,
  patch: EstablishmentPatch | ApplicationPatch,
): Promise<void> {
  if (form.kind === "profile")
    await updateEstablishment(db, form.recordId, ownerId, patch as EstablishmentPatch);
  else await updateApplicationDraft(db, form.recordId, ownerId, patch as ApplicationPatch);
}

/** Whether the menu should offer "continue my form": a form open, a draft application or an unfinished profile. */
export async function hasResumableForm(db: Executor, userId: number): Promise<boolean> {
  const [user] = await db
    .select({ openForm: users.openForm })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (user?.openForm) return true;
  const [drafts] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.ownerId, userId), eq(applications.status, "draft")));
  if (Number(drafts?.n ?? 0) > 0) return true;
  const [profiles] = await db
    .select({ n: count() })
    .from(establishments)
    .where(and(eq(establishments.ownerId, userId), isNull(establishments.completedAt)));
  return Number(profiles?.n ?? 0) > 0;
}
