// Records the decision on an intake: applied (with the batch of its changes) or rejected (with the reason).
MATCH (i:Intake {id: $id})
SET i.status = $status, i.decidedBy = $by, i.decidedAt = datetime(), i.reason = $reason,
    i.batch = $batch, i.articleId = $article
RETURN i {.*, submittedAt: toString(i.submittedAt), decidedAt: toString(i.decidedAt)} AS intake
