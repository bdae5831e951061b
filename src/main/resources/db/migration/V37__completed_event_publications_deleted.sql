-- V37: the event publication registry keeps only what is still to run.
-- Until now a completed publication stayed in event_publication with its completion date: a row
-- for every signed-in first read of the day, save, shelf add and follow, read by nothing, each
-- inserted into the table's hash and completion-date indexes and updated twice. Spring Modulith
-- now deletes a publication when its listener completes (spring.modulith.events.completion-mode
-- = delete, application.yml); this removes the ones completed before. Incomplete publications
-- (to run, failed, parked) stay.
delete from event_publication where completion_date is not null;
