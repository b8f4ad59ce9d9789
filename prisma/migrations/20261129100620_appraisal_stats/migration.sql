-- CreateTable
CREATE TABLE "AppraisalStat" (
    "year" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("year", "unitId", "metric", "level")
);

