"""sh (user/bin/sh.c), built for the host, run as `sh -c` and on a pty."""
import os
import pty
import re
import select
import signal
import time

import pytest

from conftest import host_env, program


def out(result):
    return result.stdout


# ---- pipelines, status, lists -------------------------------------------------

def test_pipeline_connects_stdout_to_stdin(sh):
    assert out(sh("echo hello pipe world | wc -w")) == "3\n"
    assert out(sh("echo a b c | grep b | wc -l")) == "1\n"


def test_pipeline_status_is_the_last_commands(sh):
    assert out(sh("false | true; echo $?")) == "0\n"
    assert out(sh("true | false; echo $?")) == "1\n"


def test_and_or_lists_short_circuit(sh):
    assert out(sh("false && echo no || echo yes")) == "yes\n"
    assert out(sh("true || echo no; echo done")) == "done\n"
    assert out(sh("true && false && echo no; echo $?")) == "1\n"


def test_dollar_question_tracks_exit_codes(sh):
    assert out(sh("sh -c 'exit 3'; echo $?")) == "3\n"
    r = sh("nosuchcommand; echo $?")
    assert r.stdout == "127\n"
    assert "nosuchcommand: not found" in r.stderr


def test_exit_builtin_sets_the_status(sh):
    assert sh("exit 5").returncode == 5
    assert sh("false").returncode == 1


def test_semicolons_newlines_and_comments(sh):
    assert out(sh("echo a; echo b\necho c # not this\n# nor this")) == "a\nb\nc\n"


def test_syntax_errors_give_status_2(sh):
    r = sh("echo a | | echo b")
    assert r.returncode == 2 and "syntax error" in r.stderr
    r = sh("echo 'unterminated")
    assert r.returncode == 2


# ---- redirections -------------------------------------------------------------

def test_output_append_and_input_redirection(sh, tmp_path):
    assert out(sh("echo one > f; echo two >> f; cat < f")) == "one\ntwo\n"
    assert (tmp_path / "f").read_text() == "one\ntwo\n"
    assert out(sh("echo new > f; cat f")) == "new\n"


def test_stderr_to_stdout_with_2_and_1(sh):
    r = sh("ls /nonexistent 2>&1 | grep -c 'cannot access'")
    assert r.stdout == "1\n" and r.stderr == ""
    r = sh("ls /nonexistent 2>/dev/null; echo $?")
    assert r.stdout == "2\n" and r.stderr == ""


def test_redirections_apply_left_to_right(sh):
    r = sh("echo err 1>&2 2>/dev/null")
    assert r.stdout == "" and r.stderr == "err\n"
    r = sh("echo both > f 2>&1; cat f")
    assert r.stdout == "both\n"


def test_redirection_of_a_builtin_is_undone_afterwards(sh, tmp_path):
    assert out(sh("pwd > p; echo after")) == "after\n"
    assert (tmp_path / "p").read_text() == str(tmp_path) + "\n"


def test_redirection_errors_fail_the_command(sh):
    r = sh("cat < /nonexistent; echo $?")
    assert r.stdout == "1\n" and "No such file" in r.stderr


# ---- quoting and expansion ------------------------------------------------------

def test_single_quotes_are_literal(sh):
    assert out(sh("X=v; echo '$X \\n \"q\"'")) == '$X \\n "q"\n'


def test_double_quotes_expand_but_do_not_split(sh):
    assert out(sh('X="a   b"; echo "[$X]" [$X]')) == "[a   b] [a b]\n"
    assert out(sh('X="a b c"; sh -c \'echo $#\' z $X; sh -c \'echo $#\' z "$X"')) == "3\n1\n"


def test_empty_quotes_make_an_argument_empty_expansions_do_not(sh):
    assert out(sh("E=; sh -c 'echo $#' z '' \"\" $E")) == "2\n"


def test_backslash_escapes(sh):
    assert out(sh(r'echo a\ b\$X \\ "\"" "\$" "\a"')) == 'a b$X \\ " $ \\a\n'


def test_variables_braces_and_specials(sh):
    assert out(sh("X=ab; echo ${X}c $Xc. $UNSET.")) == "abc . .\n"
    r = sh("echo $$")
    assert re.fullmatch(r"\d+\n", r.stdout)
    assert out(sh("echo [$1] $#")) == "[] 0\n"


def test_dash_c_takes_dollar0_and_arguments(run):
    r = run("sh", "-c", 'echo "$0|$1|$2|$#|$@"', "name", "one", "two words")
    assert r.stdout == "name|one|two words|2|one two words\n"


def test_tilde_is_home(sh):
    assert out(sh("echo ~ ~/x a~", env={"HOME": "/h"})) == "/h /h/x a~\n"


def test_export_and_environment_of_children(sh):
    assert out(sh("export V=1; sh -c 'echo $V'")) == "1\n"
    assert out(sh("W=2; sh -c 'echo [$W]'")) == "[]\n"
    assert out(sh("W=3 sh -c 'echo $W'; echo [$W]")) == "3\n[]\n"
    assert out(sh("export V=1; unset V; sh -c 'echo [$V]'")) == "[]\n"
    assert "export V=\"x y\"" in out(sh("export V='x y'; export"))


# ---- commands and builtins --------------------------------------------------------

def test_path_lookup(sh, bindir):
    r = sh("PATH=/nonexistent; echo hi; echo $?")
    assert "echo: not found" in r.stderr
    assert out(sh(f"PATH=/nonexistent; {bindir}/echo hi")) == "hi\n"
    r = sh("./missing")
    assert r.returncode == 127 and "No such file" in r.stderr


def test_file_without_hash_bang_runs_as_a_script(sh, tmp_path):
    script = tmp_path / "s"
    script.write_text("echo from script $1\n")
    script.chmod(0o755)
    assert out(sh("./s arg")) == "from script arg\n"


def test_cd_and_pwd(sh, tmp_path):
    assert out(sh("cd /; pwd")) == "/\n"
    assert out(sh("mkdir d; cd d; pwd; cd ..; pwd")) == f"{tmp_path}/d\n{tmp_path}\n"
    assert out(sh("cd /; cd -; cd -")) == f"{tmp_path}\n/\n"
    r = sh("cd /nonexistent; echo $?")
    assert r.stdout == "1\n" and "cd: /nonexistent" in r.stderr
    assert out(sh("cd; pwd", env={"HOME": "/"})) == "/\n"


# ---- background jobs ----------------------------------------------------------------

def test_background_job_runs_while_the_shell_goes_on(sh, tmp_path):
    r = sh("sleep 0.3 && echo late > f & echo now; cat f 2>/dev/null; wait; cat f")
    assert r.stdout == "now\nlate\n"


def test_bang_is_the_last_background_pid_and_wait_returns_its_status(sh):
    r = sh("sleep 5 & kill $!; wait $!; echo $?")
    assert r.stdout == "143\n"
    r = sh("sh -c 'exit 4' & wait $!; echo $?")
    assert r.stdout == "4\n"


def test_killed_foreground_job_gives_128_plus_signal(sh):
    r = sh("sh -c 'kill -9 $$'; echo $?")
    assert r.stdout == "137\n" and "Killed" in r.stderr


# ---- scripts and stdin -----------------------------------------------------------------

def test_script_file_with_continuation_lines(run, tmp_path):
    (tmp_path / "s.sh").write_text(
        'echo one\nX=5\necho "x=$X" \\\n  cont\necho "multi\nline"\n'
        'echo a |\n  wc -c\n')
    r = run("sh", "s.sh")
    assert r.stdout == "one\nx=5 cont\nmulti\nline\n2\n"


def test_commands_read_the_rest_of_a_script_on_stdin(run):
    r = run("sh", stdin="echo first\ncat\nthis line is cat's input\n")
    assert r.stdout == "first\nthis line is cat's input\n"


# ---- interactive: prompt, process groups, ^C, ^Z ----------------------------------------

class Pty:
    """sh -i on a pseudo-terminal: the shell is a session leader whose
    controlling terminal is the pty, as init's shell is on the console."""

    def __init__(self, argv, path):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, host_env(path=path))
        self.buf = ""

    def read_until(self, pattern, timeout=10):
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while not rx.search(self.buf):
            left = deadline - time.monotonic()
            assert left > 0, f"no {pattern!r} in {self.buf!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.buf += os.read(self.fd, 4096).decode(errors="replace")
                except OSError:
                    break
        m = rx.search(self.buf)
        assert m, f"no {pattern!r} in {self.buf!r}"
        self.buf = self.buf[m.end():]
        return m

    def send(self, text):
        os.write(self.fd, text.encode())

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def tty(flavour, bindir):
    t = Pty(program(flavour, "sh"), bindir)
    yield t
    t.close()


PROMPT = r"# $" if os.geteuid() == 0 else r"\$ $"


def test_interactive_prompt_depends_on_uid(tty):
    tty.read_until(PROMPT)
    tty.send("echo hi\n")
    tty.read_until(r"hi\r\n" + PROMPT[:-1])


# /bin/cat: qemu-i386 fakes /proc/self/stat for the programs it runs.
def test_pipeline_shares_one_process_group_led_by_its_first_process(tty):
    tty.read_until(PROMPT)
    tty.send("/bin/cat /proc/self/stat | /bin/cat /proc/self/stat -\n")
    stats = [tty.read_until(r"(\d+) \(cat\) \S \d+ (\d+)").groups() for _ in range(2)]
    (second_pid, second_pgrp), (first_pid, first_pgrp) = map(lambda s: map(int, s), stats)
    assert first_pgrp == second_pgrp == first_pid
    assert second_pid != first_pid


def test_foreground_job_leads_its_own_group_and_owns_the_terminal(tty):
    tty.read_until(PROMPT)
    tty.send("/bin/cat /proc/self/stat\n")
    m = tty.read_until(r"(\d+) \(cat\) \S (\d+) (\d+) (\d+) (\d+) (-?\d+)")
    pid, ppid, pgrp, session, _tty_nr, tpgid = map(int, m.groups())
    assert pgrp == pid, "each job is its own process group"
    assert tpgid == pgrp, "the foreground job was given the terminal"
    assert ppid == tty.pid and session == tty.pid
    tty.read_until(PROMPT)
    tty.send("/bin/cat /proc/self/stat | /bin/cat /proc/self/stat -\n")
    tty.read_until(r"\(cat\)(.*\n){2}")
    tty.read_until(PROMPT)


def test_ctrl_c_interrupts_the_job_not_the_shell(tty):
    tty.read_until(PROMPT)
    tty.send("sleep 30\n")
    time.sleep(0.5)
    tty.send("\x03")
    tty.read_until(PROMPT)
    tty.send("echo status=$?\n")
    tty.read_until(r"status=130")


def test_ctrl_z_stops_the_job_and_fg_continues_it(tty):
    tty.read_until(PROMPT)
    tty.send("sleep 30\n")
    time.sleep(0.5)
    tty.send("\x1a")
    tty.read_until(r"\[1\]\+\s+Stopped\s+sleep 30")
    tty.read_until(PROMPT)
    tty.send("jobs\n")
    tty.read_until(r"\[1\]\s+Stopped\s+sleep 30")
    tty.send("fg\n")
    tty.read_until(r"sleep 30")
    time.sleep(0.3)
    tty.send("\x03")
    tty.read_until(PROMPT)
    tty.send("jobs; echo none\n")
    tty.read_until(r"none")


def test_background_job_is_announced_and_reaped(tty):
    tty.read_until(PROMPT)
    tty.send("sleep 0.2 &\n")
    tty.read_until(r"\[1\] \d+")
    time.sleep(0.6)
    tty.send("\n")
    tty.read_until(r"\[1\]\+\s+Done\s+sleep 0\.2")
