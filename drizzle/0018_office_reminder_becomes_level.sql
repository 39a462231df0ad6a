-- a reminder the office was already sent is its ladder's first level
UPDATE "tasks" SET "office_ladder_level" = 1 WHERE "office_reminded";
