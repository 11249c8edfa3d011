"""The pre-commit hooks of tools/ (run by .ci/run): each catches what it is for, and the
repository passes them."""

import shutil
import subprocess

from django.conf import settings

from tools import check_large_files, check_secrets, check_template_lines


def tracked(*patterns):
    out = subprocess.run(
        [shutil.which("git"), "ls-files", *patterns],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    return [str(settings.BASE_DIR / name) for name in out.stdout.split()]


def test_a_private_key_a_cloud_key_and_a_hard_coded_secret_are_caught(tmp_path):
    leak = tmp_path / "settings.py"
    leak.write_text(
        'SECRET_KEY = "d3v-0nly-b1t-n0t-s0-s3cr3t"\n'
        "aws = 'AKIA" + "ABCDEFGHIJKLMNOP'\n"  # split: this file must pass the hook itself
        "-----BEGIN RSA PRIVATE" + " KEY-----\n"
        'SECRET_KEY = os.environ["SECRET_KEY"]\n'  # read from the environment: fine
    )
    found = list(check_secrets.findings(str(leak)))
    assert [number for number, _name in found] == [1, 2, 3]
    assert check_secrets.main([str(leak)]) == 1


def test_a_file_over_the_limit_is_caught(tmp_path):
    big = tmp_path / "dev.sqlite3"
    big.write_bytes(b"\0" * (check_large_files.MAX_KB + 1) * 1024)
    small = tmp_path / "ok.txt"
    small.write_text("fine")
    assert check_large_files.too_large([str(big), str(small)]) == [
        (str(big), check_large_files.MAX_KB + 1)
    ]


def test_a_long_template_line_is_caught_but_not_a_long_translated_sentence(tmp_path):
    template = tmp_path / "page.html"
    sentence = "word " * 60
    template.write_text(
        f'<p>{{% translate "{sentence}" %}}</p>\n'  # kept whole: its msgid
        f'<p class="x">{"{{ value }} " * 30}</p>\n'
    )
    assert [number for number, _length in check_template_lines.long_lines(template)] == [2]


def test_the_repository_passes_its_own_checks():
    files = tracked()
    assert check_secrets.main(files) == 0
    assert check_large_files.too_large(files) == []
    assert check_template_lines.main(tracked("*templates/*.html", "*templates/*.txt")) == 0
