-- Image evaluations keep a strip of clean and adversarial examples (AdversarialStrip.encode()) in the artifact
-- store; the row holds where and its SHA-256, checked on every read. Tables and rows recorded before have none.
alter table evaluation_result
    add column adversarial_examples_key    varchar(300),
    add column adversarial_examples_sha256 char(64);
