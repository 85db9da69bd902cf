"""What the city office uses across organisations: comments, the checks panel, the
period overview of what each organisation lacks."""
