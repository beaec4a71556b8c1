"""Sources of license data behind one interface: the sandbox, the HTTP client, the paste reader."""
