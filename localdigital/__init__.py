"""The localdigital site package: settings, URLs, WSGI and the base templates."""
