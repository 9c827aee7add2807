-- New rows of the tables that grow with the work get time-ordered ids (UUIDv7, PostgreSQL 18's
-- uuidv7(); the app makes a case's and its messages' ids with Node's crypto.randomUUIDv7). With
-- random ids every insert wrote its primary key, and every index led by such an id (messages and
-- events by case, say), on a random page: each a page to keep cached, and after a checkpoint a
-- full-page image in the WAL. Time-ordered, new keys land on the last pages, which stay hot.
-- Existing ids keep their values. Tables of secrets (sessions, magic links, invitations) keep
-- fully random ids; small settings tables do not matter either way.
alter table cases alter column id set default uuidv7();
alter table messages alter column id set default uuidv7();
alter table attachments alter column id set default uuidv7();
alter table customers alter column id set default uuidv7();
alter table customer_imports alter column id set default uuidv7();
alter table requests alter column id set default uuidv7();
alter table decisions alter column id set default uuidv7();
alter table communications alter column id set default uuidv7();
alter table authorisations alter column id set default uuidv7();
alter table email_messages alter column id set default uuidv7();
alter table inbound_emails alter column id set default uuidv7();
alter table outgoing_emails alter column id set default uuidv7();
alter table routing_assignments alter column id set default uuidv7();
alter table staff_notifications alter column id set default uuidv7();
alter table automation_runs alter column id set default uuidv7();
