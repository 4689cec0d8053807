/**
 * Text helpers for matching what people type in Vietnamese.
 */

/**
 * Folds Vietnamese text for comparison: lowercase, no diacritics (tone and
 * vowel marks), đ → d, whitespace collapsed, trimmed. Tone marks placed
 * differently (Quý Hòa / Quý Hoà) fold to the same text.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The five Vietnamese tone marks, as combining characters after NFD. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Vietnamese text in one spelling, for telling names apart where folding
 * would merge them: lowercase, decomposed, each word's tone mark moved to
 * the word's end. The two ways of placing a tone compare equal (Quý Hòa /
 * Quý Hoà), while names that differ by a mark stay apart (Vạn Thủy / Vân
 * Thủy, Nhất Tiến / Nhật Tiến), which `foldVietnamese` makes the same.
 */
export function canonicalVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => {
      const tone = word.match(TONE_MARKS)?.[0] ?? "";
      return word.replace(TONE_MARKS, "") + tone;
    })
    .join(" ");
}

/** Whether a person typed any Vietnamese mark (tone, vowel mark or đ). */
export function hasVietnameseMarks(s: string): boolean {
  return /\p{M}/u.test(s.normalize("NFD")) || /[đĐ]/.test(s);
}
