import { type Page, expect } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";

export type Role = (typeof DEMO_ACCOUNTS)[number]["role"];

export function account(role: Role) {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

/** Logs in through the real form, as a person would. */
export async function login(page: Page, role: Role | { identifier: string; password?: string }) {
  const identifier = typeof role === "string" ? account(role).email : role.identifier;
  const password = typeof role === "string" ? DEMO_PASSWORD : (role.password ?? DEMO_PASSWORD);
  await page.goto("/dang-nhap");
  await page.getByLabel("Email hoặc số điện thoại").fill(identifier);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
}

export type QuizQuestion = { id: string; type: string; correct?: string[] | boolean; answer?: number; options?: { id: string }[]; explanation: string };

/** Answers the questions this attempt drew (read from the page: the draw differs per attempt), all right or all wrong. */
export async function answerDrawnQuestions(page: Page, questions: QuizQuestion[], right: boolean): Promise<number> {
  await expect(page.getByRole("button", { name: "Nộp bài" })).toBeVisible(); // the attempt's form is there
  const names = [...new Set(await page.locator('.quiz-form input[name^="a."]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name)))];
  for (const field of names) {
    const q = questions.find((x) => `a.${x.id}` === field)!;
    if (q.type === "numeric") await page.locator(`input[name="${field}"]`).fill(String(right ? q.answer : q.answer! + 1000));
    else if (q.type === "true-false") await page.locator(`input[name="${field}"][value="${right ? q.correct : !q.correct}"]`).check();
    else {
      const ids = right
        ? (q.correct as string[])
        : q
            .options!.map((o) => o.id)
            .filter((id) => !(q.correct as string[]).includes(id))
            .slice(0, 1);
      for (const id of ids) await page.locator(`input[name="${field}"][value="${id}"]`).check();
    }
  }
  return names.length;
}
