"""Members: accounts, profiles, verification and the allauth adapter and forms."""
