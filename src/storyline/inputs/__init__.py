"""Inputs: files, folders, globs and stdin read into raw articles (decoded, their format sniffed)."""
