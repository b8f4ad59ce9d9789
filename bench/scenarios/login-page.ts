import type { Scenario } from "../harness";

export const loginPage: Scenario = {
  name: "login-page",
  description: "Anonymous GET /dang-nhap (server-rendered form)",
  baseline: "hello",
  repeatable: true,
  prepare: async (server) => ({ url: `${server.url}/dang-nhap` }),
};
