-- A model version has at most one open approval request. Before this index, parallel requests could leave
-- several open; the oldest stays open and the later ones are withdrawn, saying why.
update approval_request r
   set state = 'WITHDRAWN',
       decided_by = 'temper',
       decided_at = now(),
       decision_comment = 'Withdrawn by migration V14: request ' || (
           select min(o.id) from approval_request o
            where o.model_version_id = r.model_version_id and o.state = 'OPEN') || ' for the same model was already open'
 where r.state = 'OPEN'
   and exists (select 1 from approval_request o
                where o.model_version_id = r.model_version_id and o.state = 'OPEN' and o.id < r.id);

create unique index approval_request_one_open on approval_request (model_version_id) where state = 'OPEN';
