"""The Qt desktop window and its widgets."""
