-- CreateTable
CREATE TABLE "AssessmentFieldTotal" (
    "assessmentId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,
    "appraisalPoints" DECIMAL(12,4) NOT NULL,
    "surveyPoints" DECIMAL(12,4) NOT NULL,
    "applicableMax" DECIMAL(12,4) NOT NULL,
    "rowsMax" DECIMAL(12,4) NOT NULL,
    "leafRows" INTEGER NOT NULL,
    "unappraisedLeaves" INTEGER NOT NULL,
    "selfPoints" DECIMAL(12,4) NOT NULL,
    "selfAnsweredLeaves" INTEGER NOT NULL,

    CONSTRAINT "AssessmentFieldTotal_pkey" PRIMARY KEY ("assessmentId","fieldId")
);

-- CreateIndex
CREATE INDEX "AssessmentFieldTotal_fieldId_idx" ON "AssessmentFieldTotal"("fieldId");

-- AddForeignKey
ALTER TABLE "AssessmentFieldTotal" ADD CONSTRAINT "AssessmentFieldTotal_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentFieldTotal" ADD CONSTRAINT "AssessmentFieldTotal_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Field totals are derived data: the database keeps them in step with every write, whoever
-- writes (import, console, seed, a correction by hand), so they can never silently go stale.

-- Rewrites the field totals of the given assessments from their scores.
CREATE FUNCTION "refresh_assessment_field_totals"(assessment_ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(assessment_ids) = 0 THEN
    RETURN;
  END IF;
  -- Two writers of one assessment would each delete and re-insert its rows: the second one's
  -- insert would collide with the first one's. Taking the assessments in one order serializes them.
  PERFORM 1 FROM "Assessment" WHERE id = ANY (assessment_ids) ORDER BY id FOR UPDATE;
  DELETE FROM "AssessmentFieldTotal" WHERE "assessmentId" = ANY (assessment_ids);
  INSERT INTO "AssessmentFieldTotal" (
    "assessmentId", "fieldId", "appraisalPoints", "surveyPoints", "applicableMax", "rowsMax",
    "leafRows", "unappraisedLeaves", "selfPoints", "selfAnsweredLeaves")
  WITH RECURSIVE sets AS (
    SELECT DISTINCT p."criteriaSetId" AS id
      FROM "Assessment" a JOIN "Period" p ON p.id = a."periodId"
     WHERE a.id = ANY (assessment_ids)
  ), leaf AS (
    SELECT c.id, c.id AS field, c."maxPoints", c.method
      FROM "Criterion" c
     WHERE c."parentId" IS NULL AND c."criteriaSetId" IN (SELECT id FROM sets)
    UNION ALL
    SELECT c.id, leaf.field, c."maxPoints", c.method
      FROM "Criterion" c JOIN leaf ON c."parentId" = leaf.id
  ), scored AS (
    -- Only leaves are scored: a node that has since been given children no longer counts.
    SELECT * FROM leaf WHERE NOT EXISTS (SELECT 1 FROM "Criterion" child WHERE child."parentId" = leaf.id)
  )
  SELECT s."assessmentId", leaf.field,
         coalesce(sum(s."appraisedPoints") FILTER (WHERE NOT s."notApplicable" AND leaf.method = 'appraisal'), 0),
         coalesce(sum(s."appraisedPoints") FILTER (WHERE NOT s."notApplicable" AND leaf.method = 'survey'), 0),
         coalesce(sum(leaf."maxPoints") FILTER (WHERE NOT s."notApplicable"), 0),
         sum(leaf."maxPoints"),
         count(*),
         count(*) FILTER (WHERE NOT s."notApplicable" AND s."appraisedPoints" IS NULL),
         coalesce(sum(s."selfPoints") FILTER (WHERE NOT s."selfNotApplicable"), 0),
         count(*) FILTER (WHERE s."selfNotApplicable" OR s."selfPoints" IS NOT NULL)
    FROM "CriterionScore" s
    JOIN scored leaf ON leaf.id = s."criterionId"
   WHERE s."assessmentId" = ANY (assessment_ids)
   GROUP BY s."assessmentId", leaf.field;
END $$;

-- Statement-level with transition tables: an import of 300,000 scores refreshes once, not per row
-- (and so does a cascade from deleted assessments).
CREATE FUNCTION "criterion_scores_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "refresh_assessment_field_totals"(ARRAY(SELECT DISTINCT "assessmentId" FROM new_scores));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "refresh_assessment_field_totals"(ARRAY(SELECT DISTINCT "assessmentId" FROM old_scores));
  ELSE
    PERFORM "refresh_assessment_field_totals"(ARRAY(
      SELECT "assessmentId" FROM new_scores UNION SELECT "assessmentId" FROM old_scores));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "criterion_scores_inserted" AFTER INSERT ON "CriterionScore"
  REFERENCING NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION "criterion_scores_changed"();
CREATE TRIGGER "criterion_scores_updated" AFTER UPDATE ON "CriterionScore"
  REFERENCING OLD TABLE AS old_scores NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION "criterion_scores_changed"();
CREATE TRIGGER "criterion_scores_deleted" AFTER DELETE ON "CriterionScore"
  REFERENCING OLD TABLE AS old_scores FOR EACH STATEMENT EXECUTE FUNCTION "criterion_scores_changed"();

-- TRUNCATE fires no row or statement DELETE trigger: the totals go with the scores. (DELETE, not
-- TRUNCATE: one TRUNCATE statement may be emptying both tables at once.)
CREATE FUNCTION "criterion_scores_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AssessmentFieldTotal";
  RETURN NULL;
END $$;

CREATE TRIGGER "criterion_scores_truncated" AFTER TRUNCATE ON "CriterionScore"
  FOR EACH STATEMENT EXECUTE FUNCTION "criterion_scores_truncated"();

-- A leaf's max, method or place in the tree changes the sums of every assessment using its set,
-- and so does a node gaining its first child (it stops being a leaf) or losing its last one.
CREATE FUNCTION "criteria_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM "refresh_assessment_field_totals"(ARRAY(
      SELECT a.id
        FROM "Assessment" a JOIN "Period" p ON p.id = a."periodId"
       WHERE p."criteriaSetId" IN (
         SELECT n."criteriaSetId" FROM new_criteria n JOIN old_criteria o ON o.id = n.id
          WHERE n."maxPoints" IS DISTINCT FROM o."maxPoints" OR n.method IS DISTINCT FROM o.method
             OR n."parentId" IS DISTINCT FROM o."parentId" OR n."criteriaSetId" IS DISTINCT FROM o."criteriaSetId"
         UNION
         SELECT o."criteriaSetId" FROM new_criteria n JOIN old_criteria o ON o.id = n.id
          WHERE n."criteriaSetId" IS DISTINCT FROM o."criteriaSetId")));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "refresh_assessment_field_totals"(ARRAY(
      SELECT a.id
        FROM "Assessment" a JOIN "Period" p ON p.id = a."periodId"
       WHERE p."criteriaSetId" IN (SELECT n."criteriaSetId" FROM new_criteria n WHERE n."parentId" IS NOT NULL)));
  ELSE
    PERFORM "refresh_assessment_field_totals"(ARRAY(
      SELECT a.id
        FROM "Assessment" a JOIN "Period" p ON p.id = a."periodId"
       WHERE p."criteriaSetId" IN (SELECT o."criteriaSetId" FROM old_criteria o WHERE o."parentId" IS NOT NULL)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "criteria_updated" AFTER UPDATE ON "Criterion"
  REFERENCING OLD TABLE AS old_criteria NEW TABLE AS new_criteria FOR EACH STATEMENT EXECUTE FUNCTION "criteria_changed"();
CREATE TRIGGER "criteria_inserted" AFTER INSERT ON "Criterion"
  REFERENCING NEW TABLE AS new_criteria FOR EACH STATEMENT EXECUTE FUNCTION "criteria_changed"();
CREATE TRIGGER "criteria_deleted" AFTER DELETE ON "Criterion"
  REFERENCING OLD TABLE AS old_criteria FOR EACH STATEMENT EXECUTE FUNCTION "criteria_changed"();

CREATE FUNCTION "period_criteria_set_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_assessment_field_totals"(ARRAY(SELECT id FROM "Assessment" WHERE "periodId" = NEW.id));
  RETURN NULL;
END $$;

CREATE TRIGGER "period_criteria_set_updated" AFTER UPDATE OF "criteriaSetId" ON "Period"
  FOR EACH ROW WHEN (OLD."criteriaSetId" IS DISTINCT FROM NEW."criteriaSetId")
  EXECUTE FUNCTION "period_criteria_set_changed"();

-- Totals for what is already stored.
SELECT "refresh_assessment_field_totals"(ARRAY(SELECT id FROM "Assessment"));
