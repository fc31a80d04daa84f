"""allauth adapter: members are never staff, and sign-in lands on the member's profile."""

from django.urls import reverse

from allauth.account.adapter import DefaultAccountAdapter


class MemberAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.is_staff = False
        user.is_superuser = False
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not hasattr(user, "member_profile")
            and user.has_perm("wagtailadmin.access_admin")
        ):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
