"""Use cases shared by the command line and the web: no HTTP, no Click."""
