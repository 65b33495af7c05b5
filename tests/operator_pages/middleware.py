"""Test-only: a middleware that sets a cookie the Datenschutzerklärung does not name."""

UNDOCUMENTED_COOKIE = "tracking_test"


def sets_an_undocumented_cookie(get_response):
    def middleware(request):
        response = get_response(request)
        response.set_cookie(UNDOCUMENTED_COOKIE, "1", samesite="Lax")
        return response

    return middleware
