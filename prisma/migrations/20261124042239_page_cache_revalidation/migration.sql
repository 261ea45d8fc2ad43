-- CreateTable
CREATE TABLE "PageCacheRevalidation" (
    "tag" TEXT NOT NULL,
    "revision" BIGINT NOT NULL,
    "revalidatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageCacheRevalidation_pkey" PRIMARY KEY ("tag")
);
