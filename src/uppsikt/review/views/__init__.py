"""Views of the review area; each module keeps its own area's pages."""
