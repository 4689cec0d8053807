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
