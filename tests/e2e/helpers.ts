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
