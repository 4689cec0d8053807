/**
 * Telegram refuses a message over 4096 characters (counted after HTML is
 * parsed). Long answers are shortened before they are escaped, by whole code
 * points, so an emoji is never cut in half and no HTML tag is ever cut.
 */
export const TELEGRAM_TEXT_LIMIT = 4096;

export function clip(text: string, maxCodePoints: number): string {
  const codePoints = Array.from(text);
  return codePoints.length > maxCodePoints
    ? `${codePoints.slice(0, maxCodePoints).join("")}…`
    : text;
}

/** The length Telegram counts: tags removed, entities decoded (UTF-16 units). */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, "x").length;
}
