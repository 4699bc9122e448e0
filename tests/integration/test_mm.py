"""Memory management at boot: memory map, paging, allocators, selftests."""
import os
import re
import subprocess

import pytest

MEMORY_RE = r"Memory: (\d+)K/(\d+)K available"


def boot_memory(boot, memory, **kw):
    """Boot with `memory` of RAM; return (available, total) in KiB."""
    g = boot("console=ttyS0", memory=memory, **kw)
    m = g.wait_for(MEMORY_RE)
    return g, int(m.group(1)), int(m.group(2))


def test_boot_prints_e820_map_lowmem_and_memory_line(boot):
    g = boot("console=ttyS0")
    g.wait_for(r"BIOS-provided physical RAM map:")
    g.wait_for(r"BIOS-e820: \[mem 0x0000000000000000-0x000000000009fbff\] usable")
    g.wait_for(r"BIOS-e820: \[mem 0x0000000000100000-0x[0-9a-f]{16}\] usable")
    g.wait_for(r"255MB LOWMEM available\.")
    g.wait_for(r"paging_init: lowmem 0xc0000000-0xcfffffff mapped with 4 MiB pages, "
               r"identity map dropped")
    g.wait_for(r"RAMDISK: \[mem 0x[0-9a-f]{8}-0x[0-9a-f]{8}\]")
    avail, total = (int(x) for x in g.wait_for(MEMORY_RE).groups())
    assert 250 * 1024 < total <= 256 * 1024
    assert total - 8 * 1024 < avail < total
    g.wait_for(r"lowmem  : 0xc0000000 - 0xcffe0000")
    g.wait_for(r"slab: kmalloc-8 \.\. kmalloc-4096 caches")


@pytest.mark.parametrize("memory,low_mb", [("32M", 31), ("512M", 511)])
def test_small_and_large_memory_sizes_boot_with_plausible_totals(boot, memory, low_mb):
    g, avail, total = boot_memory(boot, memory)
    size_kb = int(memory[:-1]) * 1024
    assert size_kb - 1024 < total <= size_kb
    # reserved: first MiB, kernel, mem_map (32 bytes per 4 KiB page), and
    # the initramfs, still held when the Memory: line is printed
    lo, hi = (int(x, 16) for x in re.search(
        r"RAMDISK: \[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]", g.output).groups())
    initrd_kb = (hi - lo) // 1024 + 4
    assert total - 1024 - 256 - size_kb // 128 - 1024 - initrd_kb < avail < total
    assert f"{low_mb}MB LOWMEM available." in g.output


def test_memory_above_768M_is_ignored_with_a_warning(boot):
    g, avail, total = boot_memory(boot, "1G")
    assert "Warning: only 768MB will be used" in g.output
    assert "768MB LOWMEM available." in g.output
    assert 760 * 1024 < total <= 768 * 1024


def test_boot_without_initramfs_logs_it_and_continues(boot):
    g = boot("console=ttyS0", initrd=None)
    g.wait_for(r"initrd: no initramfs module from the boot loader, continuing without one")
    g.wait_for(MEMORY_RE)
    assert "RAMDISK" not in g.output


def selftest(boot, name, memory="256M", **kw):
    g = boot(f"console=ttyS0 selftest={name}", memory=memory, **kw)
    g.wait_for(rf"selftest {name}: ok", timeout=180)
    return g


def test_page_allocator_exhaustion_returns_null_and_recovers(boot):
    g = selftest(boot, "page_alloc_exhaustion")
    m = re.search(r"page_alloc_exhaustion: (\d+) of (\d+) free pages allocated, "
                  r"then NULL; (\d+) free after", g.output)
    assert m and m.group(1) == m.group(2) == m.group(3)
    assert int(m.group(1)) > 60000


def test_slab_exhaustion_returns_null_and_recovers(boot):
    g = selftest(boot, "slab_exhaustion", memory="64M")
    m = re.search(r"(\d+) free pages before, (\d+) after", g.output)
    assert m and m.group(1) == m.group(2)


def test_wrong_page_frees_are_reported_not_fatal(boot):
    g = selftest(boot, "page_alloc_bad_free")
    assert "page dumped because: double free: block is already free" in g.output
    assert "page dumped because: freeing a reserved page" in g.output


def test_wrong_kfrees_are_reported_with_the_address(boot):
    g = selftest(boot, "slab_bad_free")
    assert re.search(r"BUG kmalloc-64: object already free \(double free\): 0xc[0-9a-f]{7}",
                     g.output)
    assert "BUG kfree: not a kmalloc'd address: 0x1000" in g.output


def test_identity_map_is_gone_from_the_live_page_directory(boot):
    g = selftest(boot, "identity_map_gone")
    assert re.search(r"identity_map_gone: CR3=0x[0-9a-f]+, pgd\[0\]=0,", g.output)


def test_reading_address_0x1000_faults(boot):
    """Destructive: without traps.c the CPU triple-faults and QEMU exits;
    with it, the kernel reports the page fault. The read must not succeed."""
    g = boot("console=ttyS0 selftest=identity_map_read")
    g.wait_for(r"identity_map_read: reading virtual 0x1000, expecting a page fault")
    try:
        g.wait_for(r"(?i)page fault|unable to handle|Oops", timeout=30)
    except pytest.fail.Exception:
        assert g.proc.poll() is not None, "kernel neither faulted nor stopped"
    assert "identity map still present" not in g.output
    assert "selftest identity_map_read: FAIL" not in g.output


def test_ioremap_reaches_the_ioapic_uncached(boot):
    g = selftest(boot, "ioremap_ioapic")
    # Anywhere in the ioremap window: NIC drivers map their BARs at boot.
    assert re.search(r"ioremap_ioapic: 0xfec00000 at 0xf[0-3][0-9a-f]{6}: "
                     r"version 0x(11|20), 24 redirection entries", g.output)


def test_user_page_tables_translate_through_cr3(boot):
    selftest(boot, "user_pgtable")


def test_proc_texts_match_the_memory_line(boot):
    g = selftest(boot, "mm_proc_files")
    avail = int(re.search(MEMORY_RE, g.output).group(1))
    total = int(re.search(r"\] MemTotal: +(\d+) kB", g.output).group(1))
    free = int(re.search(r"\] MemFree: +(\d+) kB", g.output).group(1))
    rd = re.search(r"RAMDISK: \[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]", g.output)
    rd_kb = (int(rd.group(2), 16) - int(rd.group(1), 16)) // 1024 + 1 if rd else 0
    assert avail <= total <= avail + rd_kb  # only the initrd may join later
    assert 0 < total - free < total // 4
    # Linux's columns: name padded to 16, value right-aligned in 8, " kB"
    for line in re.findall(r"\] ((?:MemTotal|MemFree|Slab|VmallocTotal):.*)\n", g.output):
        assert len(line) == 16 + 8 + 3 and line.endswith(" kB"), line
    assert re.search(r"\] kmalloc-64 +\d+ +\d+ +64 +64 +1 : tunables +0 +0 +0 : "
                     r"slabdata +\d+ +\d+ +0\n", g.output)
    assert "slabinfo - version: 2.1" in g.output
    assert re.search(r"\] Node 0, zone   Normal( +\d+){11} \n", g.output)


@pytest.fixture
def big_initrd(tmp_path):
    """A valid cpio archive with a 96 KiB file, so freeing it frees pages."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "blob").write_bytes(os.urandom(96 * 1024))
    out = tmp_path / "big.cpio"
    with open(out, "wb") as f:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc"], cwd=root,
                       input=b"blob\n", stdout=f, check=True)
    return str(out)


def test_initrd_is_reserved_then_freed(boot, big_initrd):
    g = selftest(boot, "initrd_free", initrd=big_initrd)
    m = re.search(r"RAMDISK: \[mem 0x([0-9a-f]{8})-0x([0-9a-f]{8})\]", g.output)
    assert m and int(m.group(2), 16) - int(m.group(1), 16) + 1 > 96 * 1024
    kb = int(re.search(r"Freeing initrd memory: (\d+)K", g.output).group(1))
    assert 92 <= kb <= 100
