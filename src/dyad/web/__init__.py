"""The HTTP API and the server-rendered dashboard (``dyad serve``).

Build the application with ``dyad.web.app.create_app(settings)``; nothing is created at
import time.
"""
