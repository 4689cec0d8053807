import { bigint, timestamp } from "drizzle-orm/pg-core";

/** Telegram ids exceed 2^31: always bigint, read back as a JS number (they fit in 2^53). */
export const telegramId = (name: string) => bigint(name, { mode: "number" });

/** Money is integer VND, never a float: bigint read back as a JS bigint. */
export const money = (name: string) => bigint(name, { mode: "bigint" });

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** created/updated timestamps for every table people write to. */
export const timestamps = {
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  updatedAt: timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
