/** A person's settings: which kinds of proactive message they receive. */
import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type UserRole, users } from "../db/schema/index.ts";
import type { NotificationSetting } from "../outbox/kinds.ts";

/** The settings offered to a role: owners the four reminders, officers the digests too. */
export function settingsFor(role: UserRole): NotificationSetting[] {
  const reminders: NotificationSetting[] = ["deadlines", "drafts", "fairs", "results"];
  return role === "applicant" ? reminders : [...reminders, "daily-digest", "weekly-digest"];
}

/** Absent means on. */
export const isOn = (
  preferences: Partial<Record<string, boolean>> | null | undefined,
  setting: NotificationSetting,
): boolean => preferences?.[setting] !== false;

/** Turns one setting on or off; returns the preferences now stored. */
export async function setNotificationSetting(
  db: Executor,
  userId: number,
  setting: NotificationSetting,
  on: boolean,
  now: Date,
): Promise<Partial<Record<string, boolean>> | undefined> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ preferences: users.notificationPreferences })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) return undefined;
    const preferences = { ...(user.preferences ?? {}), [setting]: on };
    await tx
      .update(users)
      .set({ notificationPreferences: preferences, updatedAt: now })
      .where(eq(users.id, userId));
    return preferences;
  });
}
