"""The live My Atlassian connector: browser profiles, a page driver on the qasync loop, and
``MyAtlassianSession``, a PortalSession that reads and acts through the real page."""
