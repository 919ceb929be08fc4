// Restores nodes of one operational kind with their properties; date-times and floats get their type back.
UNWIND $records AS r
CREATE (n:$($label))
SET n = r.props
WITH n, r
FOREACH (k IN r.datetimes | SET n[k] = datetime(n[k]))
FOREACH (k IN r.floats | SET n[k] = toFloat(n[k]))
RETURN count(n) AS created
