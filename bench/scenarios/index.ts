import type { Scenario } from "../harness";
import { checkinBurst } from "./checkin-burst";
import { checkinQueued } from "./checkin-queued";
import { classDay } from "./class-day";
import { classList, classPage, classProgress } from "./classes";
import { hall2000 } from "./hall-2000";
import { home } from "./home";
import { lessonPage } from "./lesson-page";
import { loginPage } from "./login-page";
import { outboxDrain } from "./outbox-drain";
import { phoneLoad } from "./phone-load";
import { planAutosave } from "./plan-autosave";
import { quizSubmit } from "./quiz-submit";
import { statsDashboard } from "./stats-dashboard";
import { unitsCatalogue } from "./units-catalogue";

/** Every scenario of `npm run bench`; add new ones here. */
export const scenarios: Scenario[] = [
  loginPage,
  home,
  lessonPage,
  quizSubmit,
  checkinBurst,
  checkinQueued,
  planAutosave,
  statsDashboard,
  classDay,
  phoneLoad,
  unitsCatalogue,
  classList,
  classPage,
  classProgress,
  outboxDrain,
  hall2000,
];
