-- CreateIndex
CREATE INDEX "AppraisalEvent_action_year_idx" ON "AppraisalEvent"("action", "year");

