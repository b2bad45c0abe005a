"""The interactive HTML views of a graph."""
