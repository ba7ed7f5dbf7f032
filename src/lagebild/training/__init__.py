"""Training recipe for the German analysis pipeline (`lagebild train`)."""
