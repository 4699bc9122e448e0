"""PCI enumeration on QEMU's i440FX PC: what the kernel log lists."""
import re

NICS = ["-nic", "none",
        "-netdev", "user,id=n0", "-device", "e1000,netdev=n0",
        "-netdev", "user,id=n1", "-device", "rtl8139,netdev=n1"]


def device_lines(g, slot):
    """All log lines of one function, e.g. slot='00:03.0'."""
    return [l for l in g.output.splitlines() if f"pci 0000:{slot}:" in l]


def slot_of(g, ids):
    m = g.wait_for(rf"pci 0000:(\w\w:\w\w\.\d): \[{ids}\]")
    return m.group(1).decode()


def test_pci_lists_bridges_and_both_nics(boot):
    g = boot("console=ttyS0", extra=NICS)
    g.wait_for(r"PCI: Using configuration type 1 for base access")
    g.wait_for(r"pci 0000:00:00\.0: \[8086:1237\] type 00 class 0x060000")
    g.wait_for(r"pci 0000:00:01\.0: \[8086:7000\] type 00 class 0x060100")
    e1000 = slot_of(g, "8086:100e")
    rtl = slot_of(g, "10ec:8139")
    g.wait_for(r"PCI: \d+ devices on 1 buses")
    g.wait_for(r"rxos: idle")

    e = "\n".join(device_lines(g, e1000))
    assert "type 00 class 0x020000" in e
    assert re.search(r"reg 0x10: \[mem 0x[0-9a-f]{8}-0x[0-9a-f]{8}\]", e), e
    r = "\n".join(device_lines(g, rtl))
    assert "type 00 class 0x020000" in r
    assert re.search(r"reg 0x10: \[io  0x[0-9a-f]{4}-0x[0-9a-f]{4}\]", r), r
    # PC interrupt routing: PCI INTx lands on one of the 8259's free lines
    for text in (e, r):
        irq = int(re.search(r"PCI INT A -> IRQ (\d+)", text).group(1))
        assert irq in (5, 9, 10, 11), text


def test_pci_scans_the_bus_behind_a_bridge(boot):
    g = boot("console=ttyS0", extra=[
        "-nic", "none",
        "-device", "pci-bridge,id=br1,chassis_nr=1,addr=5",
        "-netdev", "user,id=n0", "-device", "rtl8139,netdev=n0,bus=br1,addr=2"])
    g.wait_for(r"pci 0000:00:05\.0: \[1b36:0001\] type 01 class 0x060400 PCI bridge")
    g.wait_for(r"pci 0000:01:02\.0: \[10ec:8139\] type 00 class 0x020000")
    g.wait_for(r"pci 0000:01:02\.0: reg 0x10: \[io  ")
    g.wait_for(r"pci 0000:00:05\.0: PCI bridge to \[bus 01-01\]")
    g.wait_for(r"PCI: \d+ devices on 2 buses")


def test_absent_slot_reads_all_ones_and_is_not_listed(boot):
    g = boot("console=ttyS0 selftest=pci_absent_slot_reads_ones", extra=NICS)
    g.wait_for(r"pci: slot 00:\w\w\.0 empty: device ffff class/rev ffffffff header ff")
    g.wait_for(r"selftest pci_absent_slot_reads_ones: ok")


def test_driver_registered_late_is_probed_once(boot):
    g = boot("console=ttyS0 selftest=pci_late_driver_probe")
    g.wait_for(r"pci: probe ran 1 time\(s\), remove 1, bound 1")
    g.wait_for(r"selftest pci_late_driver_probe: ok")
