// Reads an intake after taking its write lock, so two editors cannot both decide on it.
MATCH (i:Intake {id: $id})
SET i._lock = true
REMOVE i._lock
RETURN i {.*, submittedAt: toString(i.submittedAt), decidedAt: toString(i.decidedAt)} AS intake
