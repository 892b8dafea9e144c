"""FieldLog (驻点招商走访日志): an offline logbook for dispatched investment-promotion teams."""

__version__ = "0.1.0"
