"""Qt widgets, the wizard, dialogs and view models. No HTTP, no SQL."""
