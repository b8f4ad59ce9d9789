import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, loginCookie } from "../harness";

export const home: Scenario = {
  name: "home",
  description: "Logged-in learner GET / (session lookup + enrolled courses)",
  baseline: "hello",
  repeatable: true,
  prepare: async (server) => {
    const learner = DEMO_ACCOUNTS.find((a) => a.role === "learner")!;
    const cookie = await loginCookie(server, learner.email, DEMO_PASSWORD);
    return { url: `${server.url}/`, headers: { cookie } };
  },
};
