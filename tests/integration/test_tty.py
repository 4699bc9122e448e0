"""The terminal as a user meets it: the shell on ttyS0 through n_tty.

Typed bytes go QEMU stdin -> UART -> IRQ 4 -> tty_insert_chars -> n_tty;
the shell reads lines with read(2). These tests type like a person (CR for
Enter, ^C, ^D, DEL for backspace) and read the echo and the output.
"""
PROMPT = r"# $"


def shell(boot, cmdline="console=ttyS0 loglevel=4"):
    g = boot(cmdline)
    g.wait_for(PROMPT.replace("$", ""), timeout=60)
    return g


def test_enter_runs_a_line_and_output_uses_crlf(boot):
    g = shell(boot)
    g.send("echo hello-tty\r")
    g.wait_for(r"echo hello-tty\r\nhello-tty\r\n# ")


def test_backspace_erases_before_the_shell_sees_the_line(boot):
    g = shell(boot)
    g.send("echo abx\x7fc\r")
    g.wait_for(r"\nabc\r\n# ")


def test_ctrl_c_kills_the_foreground_job_not_the_shell(boot):
    g = shell(boot)
    g.send("sleep 30\r")
    g.wait_for(r"sleep 30\r\n")
    g.send("\x03")
    g.wait_for(r"\^C")
    g.wait_for(r"# ")
    g.send("echo rc=$?\r")
    g.wait_for(r"rc=130")  # 128 + SIGINT, as bash reports


def test_ctrl_d_on_empty_line_is_end_of_file_for_cat(boot):
    g = shell(boot)
    g.send("cat\r")
    g.send("abc\r")
    g.wait_for(r"abc\r\nabc\r\n")  # the echo, then cat's copy
    g.send("\x04")
    g.wait_for(r"# ")
    g.send("echo back\r")
    g.wait_for(r"\nback\r\n")


def test_terminal_device_nodes_exist(boot):
    g = shell(boot)
    g.send("ls /dev\r")
    m = g.wait_for(r"(?s)ls /dev\r\n(.*?)# ", timeout=30)
    names = m.group(1).decode().split()
    for n in ("console", "tty", "tty0", "tty1", "ttyS0", "ttyS1", "null", "zero"):
        assert n in names, names
