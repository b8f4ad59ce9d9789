import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, compactCode, isCodeOfLength, randomCode } from "./codes";

describe("the code alphabet", () => {
  it("has no look-alike characters", () => {
    expect(CODE_ALPHABET).not.toMatch(/[ILO01]/);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
  });
  it("draws codes of the asked length from the alphabet only", () => {
    for (let i = 0; i < 200; i++) {
      const code = randomCode(8);
      expect(isCodeOfLength(code, 8)).toBe(true);
    }
  });
  it("rejects the bytes that would make some characters likelier", () => {
    // 248 and above are skipped; 0 and 31 both give the alphabet's first character
    const bytes = [255, 248, 0, 31, 30];
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => bytes[i % bytes.length]);
    expect(randomCode(3, random)).toBe("AA9");
  });
  it("compacts what a person typed and checks its length and characters", () => {
    expect(compactCode(" ab-cd 23 ")).toBe("ABCD23");
    expect(isCodeOfLength("ABCD23", 6)).toBe(true);
    expect(isCodeOfLength("ABCD2", 6)).toBe(false);
    expect(isCodeOfLength("ABCDE0", 6)).toBe(false);
  });
});
