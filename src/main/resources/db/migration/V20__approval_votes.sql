-- Requests may need more than one approval (the team's policy says how many, captured at request time), may
-- expire, and state caveats for the model card. Each reviewer's approval or rejection is a vote of its own.
alter table approval_request add column required_approvals int not null default 1
    check (required_approvals between 1 and 3);
alter table approval_request add column expires_at timestamptz;
alter table approval_request add column caveats varchar(2000);

create table approval_vote (
    id         bigserial primary key,
    request_id bigint        not null references approval_request (id),
    reviewer   varchar(64)   not null,
    approve    boolean       not null,
    comment    varchar(2000),
    voted_at   timestamptz   not null,
    -- One vote per reviewer and request: a second one meets this index even when both are sent at once.
    constraint approval_vote_one_per_reviewer unique (request_id, reviewer)
);

-- Decisions made before votes existed become the single vote they were.
insert into approval_vote (request_id, reviewer, approve, comment, voted_at)
select id, decided_by, state = 'APPROVED', decision_comment, decided_at
  from approval_request
 where state in ('APPROVED', 'REJECTED') and decided_by is not null;

-- The expiry sweep looks for open requests past their time.
create index approval_request_open_expiry on approval_request (expires_at) where state = 'OPEN';
