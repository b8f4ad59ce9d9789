/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Nguyễn Văn Ánh" → "nguyen van anh", so an officer can type without a Vietnamese keyboard.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when every word of the query occurs in the folded text. */
export function matchesSearch(foldedText: string, query: string): boolean {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
