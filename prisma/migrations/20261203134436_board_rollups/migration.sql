-- CreateTable
CREATE TABLE "activity_days" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "logs" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "activity_days_pkey" PRIMARY KEY ("team_id","user_id","day")
);

-- CreateTable
CREATE TABLE "activity_day_types" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "type_key" TEXT NOT NULL,
    "logs" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "activity_day_types_pkey" PRIMARY KEY ("team_id","user_id","type_key","day")
);

-- CreateIndex
CREATE INDEX "activity_days_team_id_user_id_day_points_idx" ON "activity_days"("team_id", "user_id", "day", "points");

-- The rollups above, kept by triggers so that every write path counts (logs, undo, imports, SQL by
-- hand). A day is the rep's local date in their profile's time zone, UTC while they have none.
CREATE FUNCTION activity_local_day(team text, rep text, at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE COALESCE((SELECT m.time_zone FROM members m WHERE m.team_id = team AND m.user_id = rep), 'UTC'))::date
$$;

-- Counted up and down rather than recounted from activities: two transactions logging for one rep
-- meet on the same rollup rows and each adds its own change (a recount would miss the other's
-- uncommitted rows). The reps' profiles are share-locked first, so that a time zone changing at
-- the same moment is either seen here or counts these rows again once this transaction commits.
CREATE FUNCTION activity_rollups_apply(added activities[], removed activities[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM members m
  WHERE (m.team_id, m.user_id) IN (SELECT team_id, user_id FROM unnest(added) UNION SELECT team_id, user_id FROM unnest(removed))
  FOR SHARE;

  WITH changes AS (
    SELECT team_id, user_id, activity_local_day(team_id, user_id, occurred_at) AS day, type_key, points, 1 AS sign FROM unnest(added)
    UNION ALL
    SELECT team_id, user_id, activity_local_day(team_id, user_id, occurred_at), type_key, points, -1 FROM unnest(removed)
  ), typed AS (
    INSERT INTO activity_day_types AS t (team_id, user_id, day, type_key, logs, points)
    SELECT team_id, user_id, day, type_key, sum(sign), sum(sign * points) FROM changes GROUP BY 1, 2, 3, 4
    ON CONFLICT (team_id, user_id, type_key, day) DO UPDATE SET logs = t.logs + excluded.logs, points = t.points + excluded.points
  )
  INSERT INTO activity_days AS d (team_id, user_id, day, logs, points)
  SELECT team_id, user_id, day, sum(sign), sum(sign * points) FROM changes GROUP BY 1, 2, 3
  ON CONFLICT (team_id, user_id, day) DO UPDATE SET logs = d.logs + excluded.logs, points = d.points + excluded.points;

  IF cardinality(removed) > 0 THEN
    DELETE FROM activity_day_types t USING unnest(removed) r
    WHERE t.logs = 0 AND t.team_id = r.team_id AND t.user_id = r.user_id AND t.type_key = r.type_key
      AND t.day = activity_local_day(r.team_id, r.user_id, r.occurred_at);
    DELETE FROM activity_days d USING unnest(removed) r
    WHERE d.logs = 0 AND d.team_id = r.team_id AND d.user_id = r.user_id
      AND d.day = activity_local_day(r.team_id, r.user_id, r.occurred_at);
  END IF;
END
$$;

CREATE FUNCTION activities_count_in_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM activity_rollups_apply(ARRAY(SELECT ROW(n.*)::activities FROM new_rows n), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM activity_rollups_apply('{}', ARRAY(SELECT ROW(o.*)::activities FROM old_rows o));
  ELSE
    PERFORM activity_rollups_apply(ARRAY(SELECT ROW(n.*)::activities FROM new_rows n), ARRAY(SELECT ROW(o.*)::activities FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER activities_rollups_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_count_in_rollups();
CREATE TRIGGER activities_rollups_update AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_count_in_rollups();
CREATE TRIGGER activities_rollups_delete AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_count_in_rollups();

-- A rep whose time zone changes has all their days counted again in the new zone, so that the
-- board reads every day of theirs as it would from activities today (as it did before the rollups).
-- The same when their profile first arrives or goes (then UTC).
CREATE FUNCTION activity_rollups_rekey() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  team text := COALESCE(NEW.team_id, OLD.team_id);
  rep text := COALESCE(NEW.user_id, OLD.user_id);
BEGIN
  DELETE FROM activity_day_types WHERE team_id = team AND user_id = rep;
  DELETE FROM activity_days WHERE team_id = team AND user_id = rep;
  PERFORM activity_rollups_apply(ARRAY(SELECT a FROM activities a WHERE a.team_id = team AND a.user_id = rep), '{}');
  RETURN NULL;
END
$$;

CREATE TRIGGER members_rollups_zone AFTER UPDATE OF time_zone ON members
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION activity_rollups_rekey();
CREATE TRIGGER members_rollups_profile AFTER INSERT OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION activity_rollups_rekey();

-- The activities logged before this migration.
INSERT INTO activity_day_types (team_id, user_id, day, type_key, logs, points)
SELECT team_id, user_id, activity_local_day(team_id, user_id, occurred_at), type_key, count(*), sum(points)
FROM activities GROUP BY 1, 2, 3, 4;
INSERT INTO activity_days (team_id, user_id, day, logs, points)
SELECT team_id, user_id, day, sum(logs), sum(points) FROM activity_day_types GROUP BY 1, 2, 3;
