// An article intake as submitted: the pasted text and the confirmed payload, kept whatever becomes of it.
CREATE (i:Intake {id: $id, status: $status, title: $title, text: $text, payload: $payload,
                  submittedBy: $by, submittedAt: datetime()})
RETURN i {.*, submittedAt: toString(i.submittedAt)} AS intake
