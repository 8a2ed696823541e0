-- Image models: mean corruption accuracy, and the corruption error relative to the base model (mCE).
alter table evaluation_result
    add column mean_corruption_accuracy double precision,
    add column mean_corruption_error    double precision;
