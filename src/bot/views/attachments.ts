import { InputMediaBuilder } from "grammy";
import type { BotContext } from "../context.ts";

interface StoredFile {
  kind: "photo" | "document";
  telegramFileId: string;
}

/**
 * An application's attachments as they were sent: photos together in albums
 * (up to ten each), documents together, a single file on its own.
 */
export async function sendAttachments(
  ctx: BotContext,
  files: readonly StoredFile[],
): Promise<void> {
  for (const kind of ["photo", "document"] as const) {
    const ofKind = files.filter((file) => file.kind === kind);
    for (let start = 0; start < ofKind.length; start += 10) {
      const group = ofKind.slice(start, start + 10);
      if (group.length === 1) {
        const [file] = group;
        if (!file) continue;
        if (kind === "photo") await ctx.replyWithPhoto(file.telegramFileId);
        else await ctx.replyWithDocument(file.telegramFileId);
        continue;
      }
      if (kind === "photo")
        await ctx.replyWithMediaGroup(
          group.map((file) => InputMediaBuilder.photo(file.telegramFileId)),
        );
      else
        await ctx.replyWithMediaGroup(
          group.map((file) => InputMediaBuilder.document(file.telegramFileId)),
        );
    }
  }
}
