-- A credit's job as its source words it ("director of photography",
-- "screenplay", "executive producer"), beside the role it maps to. A
-- credit with several characters keeps them in one row, in the source's
-- order, joined by " / " in character_name.
ALTER TABLE credits ADD COLUMN job TEXT NOT NULL DEFAULT '';
