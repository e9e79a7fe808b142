-- A published questionnaire version is what every response answered: it must never change.
-- These triggers enforce that below the application, for every client (app, scripts, psql).
-- Prisma does not model functions or triggers, so they cause no schema drift.

-- NOTE: the PostgreSQL migration runner (@prisma/adapter-pg executeScript) splits scripts on
-- every semicolon, even inside dollar-quoted bodies and comments. So the function bodies are
-- E'' strings where \073 stands for the semicolon and quotes are doubled, and no comment here
-- may contain a semicolon.

-- Versions: a draft may change freely and be published, a published version may only be
-- retired, a retired version is final. Only drafts may be deleted.
CREATE FUNCTION "questionnaire_version_guard"() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    IF OLD."status" <> ''draft'' THEN
      RAISE EXCEPTION ''questionnaire version % is %: it cannot be deleted'', OLD."id", OLD."status"
        USING ERRCODE = ''integrity_constraint_violation''\073
    END IF\073
    RETURN OLD\073
  END IF\073

  IF OLD."status" = ''draft'' THEN
    IF NEW."status" = ''retired'' THEN
      RAISE EXCEPTION ''questionnaire version % is a draft: only a published version can be retired'', OLD."id"
        USING ERRCODE = ''integrity_constraint_violation''\073
    END IF\073
    RETURN NEW\073
  END IF\073

  IF NEW."definition" IS DISTINCT FROM OLD."definition"
    OR NEW."methodologyCode" IS DISTINCT FROM OLD."methodologyCode"
    OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."questionnaireId" IS DISTINCT FROM OLD."questionnaireId"
    OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" THEN
    RAISE EXCEPTION ''questionnaire version % is %: its definition is immutable'', OLD."id", OLD."status"
      USING ERRCODE = ''integrity_constraint_violation'',
            HINT = ''Copy it into a new draft version instead.''\073
  END IF\073

  IF NEW."status" IS DISTINCT FROM OLD."status"
    AND NOT (OLD."status" = ''published'' AND NEW."status" = ''retired'') THEN
    RAISE EXCEPTION ''questionnaire version % cannot go from % to %'', OLD."id", OLD."status", NEW."status"
      USING ERRCODE = ''integrity_constraint_violation''\073
  END IF\073

  RETURN NEW\073
END\073
';

CREATE TRIGGER "QuestionnaireVersion_immutable"
  BEFORE UPDATE OR DELETE ON "QuestionnaireVersion"
  FOR EACH ROW EXECUTE FUNCTION "questionnaire_version_guard"();

-- Items: rows of a version change only while it is a draft. Publishing inserts the items first
-- and flips the status last, in one transaction. FOR SHARE waits for a publish in progress, so
-- a concurrent writer sees the committed status rather than the draft it replaced.
CREATE FUNCTION "questionnaire_item_guard"() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  version_id TEXT\073
  version_status "VersionStatus"\073
BEGIN
  FOREACH version_id IN ARRAY CASE TG_OP
    WHEN ''INSERT'' THEN ARRAY[NEW."versionId"]
    WHEN ''DELETE'' THEN ARRAY[OLD."versionId"]
    ELSE ARRAY[OLD."versionId", NEW."versionId"]
  END LOOP
    SELECT "status" INTO version_status FROM "QuestionnaireVersion" WHERE "id" = version_id FOR SHARE\073
    IF version_status IS DISTINCT FROM ''draft'' AND version_status IS NOT NULL THEN
      RAISE EXCEPTION ''questionnaire version % is %: its items are immutable'', version_id, version_status
        USING ERRCODE = ''integrity_constraint_violation''\073
    END IF\073
  END LOOP\073
  IF TG_OP = ''DELETE'' THEN
    RETURN OLD\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "Item_immutable"
  BEFORE INSERT OR UPDATE OR DELETE ON "Item"
  FOR EACH ROW EXECUTE FUNCTION "questionnaire_item_guard"();
