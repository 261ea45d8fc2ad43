-- A publication lists its fields once; each unit's row keeps only [points, applicableMax] per
-- field. Existing publications are converted in place (every row of one publication lists the
-- same fields in the same order: the writer checks it).

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "fields" JSONB NOT NULL DEFAULT '[]';

UPDATE "Publication" p
   SET "fields" = coalesce((
     SELECT jsonb_agg(jsonb_build_object('code', e.f->>'code', 'name', e.f->>'name', 'maxPoints', e.f->>'maxPoints') ORDER BY e.ord)
       FROM (SELECT r."fields" FROM "PublishedResult" r
              WHERE r."publicationId" = p.id AND jsonb_typeof(r."fields"->0) = 'object'
              ORDER BY r."unitId" LIMIT 1) one,
            jsonb_array_elements(one."fields") WITH ORDINALITY AS e(f, ord)), '[]');

UPDATE "PublishedResult" r
   SET "fields" = (
     SELECT coalesce(jsonb_agg(jsonb_build_array(e.f->>'points', e.f->>'applicableMax') ORDER BY e.ord), '[]')
       FROM jsonb_array_elements(r."fields") WITH ORDINALITY AS e(f, ord))
 WHERE jsonb_typeof(r."fields"->0) = 'object';

ALTER TABLE "Publication" ALTER COLUMN "fields" DROP DEFAULT;
