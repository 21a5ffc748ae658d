-- The won and lost stages come after every open stage, in every view. A
-- stage added before this rule landed after them; renumber the stages with
-- the closed ones behind the last open one, keeping the order within each
-- group.
UPDATE stages SET position = o.pos
    FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY kind <> 'open', position, id) AS pos FROM stages) AS o
    WHERE o.id = stages.id;
