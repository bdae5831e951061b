-- V11: each queued email keeps its one-click unsubscribe link, sent as the List-Unsubscribe header.
alter table email_outbox add column unsubscribe_url text;
