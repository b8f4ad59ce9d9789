import { describe, expect, it } from "vitest";
import { countdownText, thresholdCrossed } from "./countdown";

describe("quiz countdown", () => {
  it("shows minutes and seconds, hours when there are any, never a negative time", () => {
    expect(countdownText(605)).toBe("10:05");
    expect(countdownText(59.9)).toBe("00:59");
    expect(countdownText(3723)).toBe("1:02:03");
    expect(countdownText(-4)).toBe("00:00");
  });

  it("announces only at 10 minutes, 5 minutes, 1 minute and the end", () => {
    const announced: number[] = [];
    for (let s = 900; s > -3; s--) {
      const at = thresholdCrossed(s, s - 1);
      if (at !== null) announced.push(at);
    }
    expect(announced).toEqual([600, 300, 60, 0]);
    // a tab woken after a long sleep announces the lowest threshold it skipped, once
    expect(thresholdCrossed(700, 30)).toBe(60);
    expect(thresholdCrossed(30, 29)).toBeNull();
  });
});
