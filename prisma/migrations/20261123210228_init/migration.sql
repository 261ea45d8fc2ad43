-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('draft', 'self_assessment', 'appraisal', 'approved', 'published');

-- CreateEnum
CREATE TYPE "CriterionMethod" AS ENUM ('appraisal', 'survey');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('province', 'ministry', 'department', 'district', 'commune', 'other');

-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('merge', 'split');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'council', 'unit_officer');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('not_started', 'in_progress', 'submitted', 'in_appraisal', 'returned', 'approved');

-- CreateEnum
CREATE TYPE "ItemReviewState" AS ENUM ('pending', 'accepted', 'adjusted', 'returned', 'explained');

-- CreateEnum
CREATE TYPE "ReviewCommentKind" AS ENUM ('note', 'adjustment', 'return', 'explanation');

-- CreateEnum
CREATE TYPE "TieBreaker" AS ENUM ('appraisalPoints', 'surveyPoints');

-- CreateEnum
CREATE TYPE "SipasSurveyStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "SipasIndexMethod" AS ENUM ('share_satisfied', 'mean_scaled');

-- CreateEnum
CREATE TYPE "SipasResponseSource" AS ENUM ('online', 'import', 'paper');

-- CreateEnum
CREATE TYPE "SipasResponseStatus" AS ENUM ('accepted', 'flagged', 'rejected');

-- CreateEnum
CREATE TYPE "SipasResultState" AS ENUM ('computed', 'approved');

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'draft',
    "previousPeriodId" TEXT,
    "previousPeriodCode" TEXT,
    "selfAssessmentOpensAt" TIMESTAMP(3),
    "selfAssessmentDeadline" TIMESTAMP(3),
    "appraisalDeadline" TIMESTAMP(3),
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "tieBreakers" "TieBreaker"[] DEFAULT ARRAY[]::"TieBreaker"[],
    "publishSelfPoints" BOOLEAN NOT NULL DEFAULT false,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "currentPublicationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousVersionId" TEXT,
    "lockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT,
    "maxPoints" DECIMAL(9,4) NOT NULL,
    "method" "CriterionMethod" NOT NULL DEFAULT 'appraisal',
    "depth" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "scoringRule" JSONB,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionMapping" (
    "fromCriterionId" TEXT NOT NULL,
    "toCriterionId" TEXT NOT NULL,

    CONSTRAINT "CriterionMapping_pkey" PRIMARY KEY ("fromCriterionId","toCriterionId")
);

-- CreateTable
CREATE TABLE "UnitGroup" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "UnitKind" NOT NULL DEFAULT 'other',
    "authorityId" TEXT,
    "parentUnitId" TEXT,
    "dissolvedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitLineage" (
    "id" TEXT NOT NULL,
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "UnitLineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitNameChange" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "oldName" TEXT NOT NULL,
    "newName" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitNameChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'not_started',
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "reopenedAt" TIMESTAMP(3),
    "reopenReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "selfPoints" DECIMAL(9,4),
    "selfNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "selfNotApplicableReason" TEXT,
    "selfNote" TEXT,
    "appraisedPoints" DECIMAL(9,4),
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "notApplicableReason" TEXT,
    "appraisalReason" TEXT,
    "reviewState" "ItemReviewState" NOT NULL DEFAULT 'pending',
    "ruleInput" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriterionScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "criterionScoreId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "criterionScoreId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "ReviewCommentKind" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Band" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT,
    "minIndex" DECIMAL(9,4) NOT NULL,
    "color" TEXT,
    "headAssessment" TEXT,

    CONSTRAINT "Band_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "unitId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "periodId" TEXT,
    "unitId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "requestId" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedResult" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "total" DECIMAL(9,4) NOT NULL,
    "applicableMax" DECIMAL(9,4) NOT NULL,
    "index" DECIMAL(9,4) NOT NULL,
    "appraisalPoints" DECIMAL(9,4) NOT NULL,
    "surveyPoints" DECIMAL(9,4) NOT NULL,
    "rank" INTEGER NOT NULL,
    "previousRank" INTEGER,
    "rankChange" INTEGER,
    "rankComparability" TEXT NOT NULL,
    "band" TEXT,
    "fields" JSONB NOT NULL,
    "predecessorRanks" JSONB,
    "sipasIndex" DECIMAL(9,4),
    "sipasResponses" INTEGER,

    CONSTRAINT "PublishedResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedGroupStat" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "unitCount" INTEGER NOT NULL,
    "mean" DECIMAL(9,4) NOT NULL,
    "median" DECIMAL(9,4) NOT NULL,
    "min" DECIMAL(9,4) NOT NULL,
    "max" DECIMAL(9,4) NOT NULL,
    "meanChange" DECIMAL(9,4),
    "meanDisplay" DECIMAL(9,2) NOT NULL,
    "meanChangeDisplay" DECIMAL(9,2),
    "pointsLost" JSONB NOT NULL,

    CONSTRAINT "PublishedGroupStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasSurvey" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "SipasSurveyStatus" NOT NULL DEFAULT 'draft',
    "scaleMin" INTEGER NOT NULL DEFAULT 1,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "satisfiedFrom" INTEGER NOT NULL DEFAULT 4,
    "scaleLabels" JSONB NOT NULL,
    "indexMethod" "SipasIndexMethod" NOT NULL DEFAULT 'share_satisfied',
    "smallSampleThreshold" INTEGER NOT NULL DEFAULT 30,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SipasSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasElement" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "weight" DECIMAL(9,4) NOT NULL DEFAULT 1,
    "order" INTEGER NOT NULL,

    CONSTRAINT "SipasElement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasQuestion" (
    "id" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textEn" TEXT,
    "order" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SipasQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "source" "SipasResponseSource" NOT NULL DEFAULT 'online',
    "status" "SipasResponseStatus" NOT NULL DEFAULT 'accepted',
    "flagReason" TEXT,
    "dossierCode" TEXT,
    "comment" TEXT,
    "deviceHash" TEXT,
    "ipHash" TEXT,
    "submittedOn" DATE NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SipasResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasAnswer" (
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "SipasAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateTable
CREATE TABLE "SipasResult" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "index" DECIMAL(9,4) NOT NULL,
    "responses" INTEGER NOT NULL,
    "ciLow" DECIMAL(9,4),
    "ciHigh" DECIMAL(9,4),
    "state" "SipasResultState" NOT NULL DEFAULT 'computed',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SipasResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipasElementResult" (
    "sipasResultId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT,
    "index" DECIMAL(9,4) NOT NULL,
    "responses" INTEGER,
    "order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SipasElementResult_pkey" PRIMARY KEY ("sipasResultId","code")
);

-- CreateIndex
CREATE UNIQUE INDEX "Authority_code_key" ON "Authority"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Period_code_key" ON "Period"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Period_currentPublicationId_key" ON "Period"("currentPublicationId");

-- CreateIndex
CREATE INDEX "Period_authorityId_year_idx" ON "Period"("authorityId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_code_key" ON "CriteriaSet"("code");

-- CreateIndex
CREATE INDEX "Criterion_parentId_idx" ON "Criterion"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_criteriaSetId_code_key" ON "Criterion"("criteriaSetId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "UnitGroup_code_key" ON "UnitGroup"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "UnitLineage_successorId_idx" ON "UnitLineage"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLineage_predecessorId_successorId_key" ON "UnitLineage"("predecessorId", "successorId");

-- CreateIndex
CREATE INDEX "UnitNameChange_unitId_idx" ON "UnitNameChange"("unitId");

-- CreateIndex
CREATE INDEX "Assessment_periodId_groupId_idx" ON "Assessment"("periodId", "groupId");

-- CreateIndex
CREATE INDEX "Assessment_unitId_idx" ON "Assessment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_periodId_unitId_key" ON "Assessment"("periodId", "unitId");

-- CreateIndex
CREATE INDEX "CriterionScore_criterionId_idx" ON "CriterionScore"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionScore_assessmentId_criterionId_key" ON "CriterionScore"("assessmentId", "criterionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_criterionScoreId_idx" ON "EvidenceFile"("criterionScoreId");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

-- CreateIndex
CREATE INDEX "ReviewComment_criterionScoreId_createdAt_idx" ON "ReviewComment"("criterionScoreId", "createdAt");

-- CreateIndex
CREATE INDEX "Band_periodId_minIndex_idx" ON "Band"("periodId", "minIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Band_periodId_label_key" ON "Band"("periodId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_periodId_at_idx" ON "AuditLog"("periodId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_periodId_version_key" ON "Publication"("periodId", "version");

-- CreateIndex
CREATE INDEX "PublishedResult_publicationId_groupId_rank_idx" ON "PublishedResult"("publicationId", "groupId", "rank");

-- CreateIndex
CREATE INDEX "PublishedResult_unitId_idx" ON "PublishedResult"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedResult_publicationId_unitId_key" ON "PublishedResult"("publicationId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedGroupStat_publicationId_groupId_key" ON "PublishedGroupStat"("publicationId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "SipasSurvey_periodId_code_key" ON "SipasSurvey"("periodId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SipasElement_surveyId_code_key" ON "SipasElement"("surveyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SipasQuestion_elementId_code_key" ON "SipasQuestion"("elementId", "code");

-- CreateIndex
CREATE INDEX "SipasResponse_surveyId_unitId_status_idx" ON "SipasResponse"("surveyId", "unitId", "status");

-- CreateIndex
CREATE INDEX "SipasResponse_surveyId_unitId_deviceHash_submittedOn_idx" ON "SipasResponse"("surveyId", "unitId", "deviceHash", "submittedOn");

-- CreateIndex
CREATE INDEX "SipasAnswer_questionId_idx" ON "SipasAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "SipasResult_periodId_unitId_key" ON "SipasResult"("periodId", "unitId");

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_previousPeriodId_fkey" FOREIGN KEY ("previousPeriodId") REFERENCES "Period"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_currentPublicationId_fkey" FOREIGN KEY ("currentPublicationId") REFERENCES "Publication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "CriteriaSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionMapping" ADD CONSTRAINT "CriterionMapping_fromCriterionId_fkey" FOREIGN KEY ("fromCriterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionMapping" ADD CONSTRAINT "CriterionMapping_toCriterionId_fkey" FOREIGN KEY ("toCriterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentUnitId_fkey" FOREIGN KEY ("parentUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitLineage" ADD CONSTRAINT "UnitLineage_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitLineage" ADD CONSTRAINT "UnitLineage_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitNameChange" ADD CONSTRAINT "UnitNameChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "UnitGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_criterionScoreId_fkey" FOREIGN KEY ("criterionScoreId") REFERENCES "CriterionScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_criterionScoreId_fkey" FOREIGN KEY ("criterionScoreId") REFERENCES "CriterionScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Band" ADD CONSTRAINT "Band_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "UnitGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedGroupStat" ADD CONSTRAINT "PublishedGroupStat_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedGroupStat" ADD CONSTRAINT "PublishedGroupStat_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "UnitGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasSurvey" ADD CONSTRAINT "SipasSurvey_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasElement" ADD CONSTRAINT "SipasElement_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "SipasSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasQuestion" ADD CONSTRAINT "SipasQuestion_elementId_fkey" FOREIGN KEY ("elementId") REFERENCES "SipasElement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasResponse" ADD CONSTRAINT "SipasResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "SipasSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasResponse" ADD CONSTRAINT "SipasResponse_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasAnswer" ADD CONSTRAINT "SipasAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SipasResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasAnswer" ADD CONSTRAINT "SipasAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SipasQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasResult" ADD CONSTRAINT "SipasResult_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasResult" ADD CONSTRAINT "SipasResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasResult" ADD CONSTRAINT "SipasResult_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipasElementResult" ADD CONSTRAINT "SipasElementResult_sipasResultId_fkey" FOREIGN KEY ("sipasResultId") REFERENCES "SipasResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;
