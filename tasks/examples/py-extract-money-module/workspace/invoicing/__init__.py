"""Invoices and revenue reports."""
