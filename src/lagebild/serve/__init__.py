"""Serving stage: terminal tables, REST API, dashboard, reports."""
