"""Boot-level behaviour: banner, command line, consoles."""

# The end of kernel bring-up: init starts (or, with no init, the idle loop).
BOOT_DONE = r"rxos: idle|Run /\S+ as init process"


def test_boot_prints_linux_style_banner_and_cmdline(boot):
    g = boot("console=ttyS0 loglevel=7")
    g.wait_for(r"\[\s+\d+\.\d{6}\] Linux version \S+-rxos")
    g.wait_for(r"Kernel command line: console=ttyS0 loglevel=7")


def test_unknown_option_is_logged_and_passed_on(boot):
    g = boot("console=ttyS0 frobnicate=3 quietly")
    g.wait_for(r'Unknown kernel command line parameter "frobnicate=3"')
    g.wait_for(r'Unknown kernel command line parameter "quietly"')


def test_bad_loglevel_keeps_default(boot):
    g = boot("console=ttyS0 loglevel=banana")
    g.wait_for(r"loglevel=banana: not a number 0-15, keeping 7")
    g.wait_for(r"Kernel command line:")


def test_unknown_console_keeps_serial(boot):
    g = boot("console=ttyS7")
    g.wait_for(r"console=ttyS7: no such console, keeping all")
    g.wait_for(r"Kernel command line: console=ttyS7")


def test_unknown_selftest_is_reported_not_fatal(boot):
    g = boot("console=ttyS0 selftest=no_such_thing")
    g.wait_for(r"selftest no_such_thing: no such test")
    g.wait_for(r"selftests: 0 passed, 1 failed")
    g.wait_for(BOOT_DONE)


def test_ip_option_is_kept_for_the_network_not_passed_to_init(boot):
    g = boot("console=ttyS0 ip=10.0.2.15::10.0.2.2:255.255.255.0::eth0:off")
    g.wait_for(r"Kernel command line:")
    g.wait_for(BOOT_DONE)
    assert "Unknown kernel command line parameter \"ip=" not in g.output


def test_malformed_ip_option_is_logged_and_ignored(boot):
    g = boot("console=ttyS0 ip=10.0.2.300")
    g.wait_for(r"IP-Config: ip=10.0.2.300: bad client-ip, ignored")
    g.wait_for(BOOT_DONE)
