"""An editor's browser from outside, against a served site with the production settings.

The production cookies are Secure, so urllib's cookie jar would not send them over plain
HTTP: they are kept by hand, from each Set-Cookie to the next request's Cookie header.
Redirects are not followed, so a sign-in's 302 and its session cookie are seen.
"""

import re
import urllib.error
import urllib.request
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 3xx answer itself is returned (as an HTTPError)


def multipart(fields, files):
    """fields: name -> text; files: name -> (file name, bytes, content type)."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class OutsideBrowser:
    def __init__(self, base_url, host="localhost"):
        self.base_url, self.host = base_url, host
        self.cookies = {}
        self.opener = urllib.request.build_opener(KeepRedirects)

    def at(self, base_url):
        """The same browser (its cookies shared) talking to another server of the site."""
        other = OutsideBrowser(base_url, self.host)
        other.cookies = self.cookies
        return other

    def request(self, path, data=None, content_type=None):
        """(status, headers, text) of one request, with the cookies kept so far."""
        headers = {"Host": self.host}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for line in response.headers.get_all("Set-Cookie") or ():
                self.keep(SimpleCookie(line))
            charset = response.headers.get_content_charset() or "utf-8"
            text = response.read().decode(charset, errors="replace")  # a file's bytes too
            return response.status, response.headers, text

    def keep(self, cookie):
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0" or not morsel.value:
                self.cookies.pop(name, None)  # deleted, as at sign-out
            else:
                self.cookies[name] = morsel.value

    def post(self, path, fields, files=None):
        """GETs the form at path for its CSRF token, then posts the fields (and files)."""
        token = CSRF_FIELD.search(self.request(path)[2]).group(1)
        fields = {**fields, "csrfmiddlewaretoken": token}
        if files:
            return self.request(path, *multipart(fields, files))
        form = "application/x-www-form-urlencoded"
        return self.request(path, urlencode(fields).encode(), form)

    def sign_in(self, username, password):
        status, headers, _text = self.post(
            "/admin/login/", {"username": username, "password": password}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise AssertionError(f"{username} was not signed in ({status})")
        return self
