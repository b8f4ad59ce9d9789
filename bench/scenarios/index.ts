import type { Scenario } from "../harness";
import { home } from "./home";
import { loginPage } from "./login-page";
import { planAutosave } from "./plan-autosave";
import { statsDashboard } from "./stats-dashboard";

/** Every scenario of `npm run bench`; add new ones here. */
export const scenarios: Scenario[] = [loginPage, home, planAutosave, statsDashboard];
