import { describe, expect, it } from "vitest";
import * as login from "~/routes/dang-nhap";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { demoAccount, postRequest, run, testContext } from "../support/http";

/**
 * The training hall: 210 class members behind one Wi-Fi address log in while another client on
 * the same address sends 500 wrong passwords. Everyone who types their password gets in; the
 * guessing is still throttled (docs/decisions/0006-login-throttling.md).
 */
const HALL = "203.0.113.7";
const attempt = (identifier: string, password: string) =>
  run(() => login.action({ request: postRequest("/dang-nhap", { identifier, password }), params: {}, context: testContext(HALL) }));

describe("a hall behind one address", () => {
  it("lets all 210 members in while one client there guesses 500 passwords", async () => {
    const members = Array.from({ length: 210 }, (_, i) => `0913${String(i + 1).padStart(6, "0")}`);
    const sprayed = Array.from({ length: 200 }, (_, i) => `0914${String(i + 1).padStart(6, "0")}`);
    const admin = demoAccount("admin").email;
    // One guess on each of 200 numbers, 100 on the admin, then a second guess on each number.
    const guesses = [
      ...sprayed.map((id) => ({ id, kind: "spray-1" })),
      ...Array.from({ length: 100 }, () => ({ id: admin, kind: "admin" })),
      ...sprayed.map((id) => ({ id, kind: "spray-2" })),
    ];
    expect(guesses).toHaveLength(500);

    const memberStatus: number[] = [];
    const guessStatus: Record<string, number[]> = { "spray-1": [], admin: [], "spray-2": [] };
    // The hall logs in in small concurrent waves; the guesser, one client, sends its tries one after another alongside.
    for (let wave = 0; wave < 70; wave++) {
      const people = members.slice(wave * 3, wave * 3 + 3);
      const tries = guesses.slice(Math.round((wave * 500) / 70), Math.round(((wave + 1) * 500) / 70));
      await Promise.all([
        ...people.map(async (id) => memberStatus.push((await attempt(id, DEMO_PASSWORD)).status)),
        (async () => {
          for (const [i, g] of tries.entries()) guessStatus[g.kind].push((await attempt(g.id, `doan-sai-${wave}-${i}`)).status);
        })(),
      ]);
    }

    expect(memberStatus).toHaveLength(210);
    expect(memberStatus.filter((s) => s !== 302)).toEqual([]);
    // Brute force on one account: at most its five failures are ever checked.
    expect(guessStatus.admin.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(guessStatus.admin.filter((s) => s === 429).length).toBeGreaterThanOrEqual(95);
    // Spraying: once the address is hot, a number already guessed from it is not checked again.
    expect(guessStatus["spray-2"].every((s) => s === 429)).toBe(true);
    const checked = Object.values(guessStatus)
      .flat()
      .filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(205);
  }, 300_000);
});
