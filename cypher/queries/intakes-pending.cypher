// Intakes waiting for a second editor, oldest first.
MATCH (i:Intake {status: 'PENDING'})
RETURN i {.*, submittedAt: toString(i.submittedAt)} AS intake
ORDER BY i.submittedAt, i.id
