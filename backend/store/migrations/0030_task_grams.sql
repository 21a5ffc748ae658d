-- The task list's text search (销售任务: the title) from bigrams, as
-- migrations 0025 and 0027 do for names and leads: a search of 500,000
-- tasks scanned every title (about 200 ms); now it reads one index range.
--
-- task_grams holds, for every position n of a task's title,
-- lower(substr(title, n, 2)), so its last character alone too. A title
-- contains
--   one character c   iff it has a gram in [c, c+1);
--   two characters ab iff it has the gram ab;
--   three or more     only if it has their rarest bigram (the reader checks
--                     those candidates with LIKE).
-- store/tasks.go builds the query (taskTextMatch); TestTaskTextIsLike
-- compares it with a LIKE scan and TestTaskGramsKept follows every writer
-- (services, playbooks, the recycle bin) through these triggers.

CREATE TABLE task_grams (
    gram TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (gram, id)
) WITHOUT ROWID;

INSERT INTO task_grams (gram, id)
    SELECT DISTINCT lower(substr(t.title, i.n, 2)), t.id
      FROM tasks t
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
                WHERE n < (SELECT COALESCE(MAX(length(title)), 0) FROM tasks))
            SELECT n FROM i) i ON i.n <= length(t.title)
     ORDER BY 1, 2;

CREATE TRIGGER task_grams_insert AFTER INSERT ON tasks
BEGIN
    INSERT OR IGNORE INTO task_grams (gram, id)
        SELECT lower(substr(NEW.title, i.n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.title))
                SELECT n FROM i) i
         WHERE i.n <= length(NEW.title);
END;

CREATE TRIGGER task_grams_delete AFTER DELETE ON tasks
BEGIN
    DELETE FROM task_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.title, i.n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.title))
                SELECT n FROM i) i
         WHERE i.n <= length(OLD.title));
END;

-- A status, due date or result change (the common writes) leaves the grams.
CREATE TRIGGER task_grams_update AFTER UPDATE OF id, title ON tasks
WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title
BEGIN
    DELETE FROM task_grams WHERE id = OLD.id AND gram IN (
        SELECT lower(substr(OLD.title, i.n, 2))
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(OLD.title))
                SELECT n FROM i) i
         WHERE i.n <= length(OLD.title));
    INSERT OR IGNORE INTO task_grams (gram, id)
        SELECT lower(substr(NEW.title, i.n, 2)), NEW.id
          FROM (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(NEW.title))
                SELECT n FROM i) i
         WHERE i.n <= length(NEW.title);
END;
