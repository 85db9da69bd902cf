"""The executive board's oversight (uppsiktsplikt) as pure rules: the enums of what it
stores, the snapshots of a period it reads, signals, the goals × organisations matrix,
forecast accuracy and reminders."""
