"""The interrupt and time core seen from outside: boot log, the tick,
softirqs, request_irq rules, /proc/interrupts, serial input by IRQ."""
import re

TS = r"\[\s*\d+\.\d{6}\] "
EOL = r"\r?\n"  # the serial console sends \r\n


def selftest_passes(boot, name, *lines):
    """Boot selftest=name, see each regex of lines in order, then its ok."""
    g = boot("console=ttyS0 selftest=" + name)
    for line in lines:
        g.wait_for(line)
    g.wait_for(r"selftest %s: ok" % name)
    return g


def test_boot_brings_up_gdt_idt_pic_pit_and_tsc_in_order(boot):
    g = boot("console=ttyS0")
    g.wait_for(r"GDT loaded: kernel CS 0x60 DS 0x68, user CS 0x73 DS 0x7b, TSS 0x80")
    g.wait_for(r"IDT loaded: exceptions 0x00-0x1f, IRQs 0x20-0x2f, int 0x80")
    g.wait_for(r"PIC: 8259A pair remapped")
    g.wait_for(r"clocksource: tsc: \d+\.\d{3} MHz")
    g.wait_for(r"PIT: HZ=100")
    g.wait_for(r"serial8250: ttyS0 at I/O 0x3f8 \(irq = 4")
    m = g.wait_for(r"\[\s*(\d+)\.(\d{6})\] (rxos: idle|Run /\S+ as init process)")
    # printk stamps come from local_clock(): they moved past zero
    assert int(m.group(1)) * 1000000 + int(m.group(2)) > 0


def test_timer_list_fires_in_expiry_order_in_softirq(boot):
    g = boot("console=ttyS0 selftest=timer_list_order")
    m = g.wait_for(r'timer_list_order: fired "(\w+)" from jiffies (\d+) to (\d+)\r?\n')
    assert m.group(1) == b"BCDA"
    assert int(m.group(3)) > int(m.group(2))  # jiffies advanced
    g.wait_for(r"selftest timer_list_order: ok")


def test_softirq_raised_by_rtc_irq_runs_in_its_irq_exit(boot):
    g = boot("console=ttyS0 selftest=softirq_from_hardirq,softirq_bh_disable")
    g.wait_for(r"last in irq_exit of IRQ 8")
    g.wait_for(r"selftest softirq_from_hardirq: ok")
    g.wait_for(r"selftest softirq_bh_disable: ok")
    g.wait_for(r"selftests: 2 passed, 0 failed")


def test_request_irq_conflict_is_ebusy(boot):
    selftest_passes(
        boot, "request_irq_conflict",
        r"genirq: Flags mismatch irq 0\. 00000000 \(test\) vs\. 00000000 \(timer\)",
        r"request_irq\(0\) while the timer owns it: -16")


def test_spurious_irq7_counted_in_err(boot):
    selftest_passes(boot, "irq_spurious_7",
                    r"spurious 8259A interrupt: IRQ7\.",
                    r"ERR 0 -> 1, IRQ 7 count 0 -> 0, handler calls 0")


def _timer_count(g, title):
    g.wait_for(re.escape(title))
    g.wait_for(TS + r"           CPU0       " + EOL)
    return int(g.wait_for(TS + r"  0: +(\d+)    XT-PIC      timer" + EOL).group(1))


def test_proc_interrupts_layout_and_timer_count_grows(boot):
    g = boot("console=ttyS0 selftest=proc_interrupts")
    first = _timer_count(g, "/proc/interrupts, first read")
    g.wait_for(TS + r"  2:          0    XT-PIC      cascade" + EOL)
    g.wait_for(TS + r"  4: +\d+    XT-PIC      ttyS0" + EOL)
    g.wait_for(TS + r"ERR: +\d+" + EOL)
    later = _timer_count(g, "/proc/interrupts, 5 ticks later")
    assert later >= first + 5
    g.wait_for(TS + r"                    CPU0       " + EOL)
    g.wait_for(TS + r"          HI: +\d+" + EOL)
    g.wait_for(TS + r"       TIMER: +\d+" + EOL)
    g.wait_for(TS + r"      NET_RX: +\d+" + EOL)
    g.wait_for(TS + r"         RCU: +\d+" + EOL)
    g.wait_for(r"selftest proc_interrupts: ok")


def test_int80_from_kernel_returns_enosys(boot):
    selftest_passes(boot, "int80_enosys",
                    r"int 0x80: system call 9999 from kernel mode: not implemented",
                    r"int80_enosys: syscall 9999 returned -38")


def test_local_clock_has_sub_tick_resolution(boot):
    selftest_passes(boot, "local_clock_subtick",
                    r"local_clock_subtick: \d+ ns then \d+ ns within jiffy")


def test_all_selftests_pass_together(boot):
    g = boot("console=ttyS0 selftest=all")
    m = g.wait_for(r"selftests: (\d+) passed, (\d+) failed")
    assert m.group(2) == b"0" and int(m.group(1)) >= 8


def test_serial_input_arrives_through_irq4(boot):
    g = boot("console=ttyS0 selftest=serial_rx_echo")
    g.wait_for(r"serial_rx_echo: waiting for input on ttyS0")
    g.send("x")
    g.wait_for(r"serial_rx_echo: got 0x78 'x' via IRQ 4 \(1 bytes in [1-9]\d* interrupts\)")
    g.wait_for(r"selftest serial_rx_echo: ok")
