"""The Insights charts drawn with matplotlib's object API (``Figure``, never ``pyplot``),
Qt-free so the command line draws the same pictures as the page. matplotlib is imported
only here and only when a chart is drawn: never at startup."""
