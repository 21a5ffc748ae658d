-- Pipeline changes, one owner (backend/changes, store.multiMarks): the
-- opportunities changed on several days of (A, B] are corrected from the
-- owner's own marks in (A, B], read along one covering index, instead of
-- finding them through two indexes by prev and by next and then reading
-- every mark of each by its key (most of a one-owner report's time at a
-- 15 % weekly churn). Only marks with a neighbour (an opportunity changed
-- on two days or more) can be in such a correction: the others are left
-- out of the index, which keeps it small where most opportunities have
-- only their creation mark (an imported file).
DROP INDEX IF EXISTS change_marks_prev_owner;
DROP INDEX IF EXISTS change_marks_next_owner;
CREATE INDEX change_marks_owner_day ON change_marks(ob, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, cb)
    WHERE prev IS NOT NULL OR next IS NOT NULL;
