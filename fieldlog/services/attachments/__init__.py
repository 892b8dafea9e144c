"""Attachments: photos, PDFs and Office files on visits, organizations, projects and contacts."""
