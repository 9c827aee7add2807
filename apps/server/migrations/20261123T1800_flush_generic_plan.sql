-- flush_event_outbox runs the same few statements after every write, but PostgreSQL planned three
-- of them afresh on every call (its own seal check, its job specs, and the key update inside
-- graphile_worker.add_jobs): their parameters are arrays, whose custom plans it judged cheaper
-- than the generic one, at ~0.4 ms of planning per flush against ~0.5 ms of execution. The plans
-- do not depend on the values (an index lookup per key, a scan of the batch), so the flush uses the
-- generic plan of each, made once per connection.
alter function flush_event_outbox(text, int) set plan_cache_mode = force_generic_plan;
