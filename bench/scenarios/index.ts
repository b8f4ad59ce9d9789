import type { Scenario } from "../harness";
import { checkinBurst } from "./checkin-burst";
import { home } from "./home";
import { loginPage } from "./login-page";

/** Every scenario of `npm run bench`; add new ones here. */
export const scenarios: Scenario[] = [loginPage, home, checkinBurst];
