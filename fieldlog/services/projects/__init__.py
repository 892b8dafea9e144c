"""Projects: leads, stages, signing, funds in place, the pipeline and one project's detail."""
