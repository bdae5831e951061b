-- V12: the last day a once-a-day job ran, so that running it again the same day changes nothing.
create table job_runs
(
    name        text not null,
    last_run_on date not null,
    constraint pk_job_runs primary key (name)
);
