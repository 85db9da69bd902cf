"""Everything that changes a report under review goes through an action here: one
transaction, the rules of `domain.workflow`, and one audit entry."""
