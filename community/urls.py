"""Community routes: accounts, profiles, contributions, reuse, comments, follows, Declaration."""

urlpatterns: list = []
