import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, loginCookie } from "../harness";

export const lessonPage: Scenario = {
  name: "lesson-page",
  description: "Logged-in learner GET of a long lesson (module 4, lesson 4: ~1100 words, 17 table rows) with progress",
  baseline: "hello",
  repeatable: true,
  prepare: async (server) => {
    const learner = DEMO_ACCOUNTS.find((a) => a.role === "learner")!;
    const cookie = await loginCookie(server, learner.email, DEMO_PASSWORD);
    const url = `${server.url}/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12`;
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`lesson page answered ${res.status}`);
    return { url, headers: { cookie } };
  },
};
